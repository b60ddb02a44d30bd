package io.labgate.notify;

import static io.labgate.notify.EmailFixtures.emailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.labgate.notify.EmailFixtures.Org;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.PublishedDatasets.Published;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MailerName;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A mail over the wire: the Quarkus mailer speaks SMTP to a real server, GreenMail, started in this JVM on
 * 127.0.0.1 (the named mailer {@code smtp-test}, whose port {@code EmbeddedLabTestResource} picks). While the
 * server is not running the attempt fails for real (connection refused) and is recorded; once it runs, the retry
 * delivers the mail, whose Korean subject and body arrive intact.
 */
@QuarkusTest
class EmailOverSmtpTest {

    @Inject
    DemoOrganizations demo;

    @Inject
    @MailerName("smtp-test")
    Mailer smtp;

    @ConfigProperty(name = "quarkus.mailer.smtp-test.port")
    int port;

    @Inject
    EmailDeliveryJob job;

    @Inject
    EmailOutbox outbox;

    @Inject
    EmailMessages messages;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    GreenMail server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aMailFailsWhileTheSmtpServerIsDownAndIsDeliveredByTheRetry() throws Exception {
        ApprovedGrants.organizations(demo);
        job.deliverDue(); // other tests' queued mails go to the mock mailbox, not through this test's server
        Org provider = EmailFixtures.provider();
        Published data = PublishedDatasets.publish(List.of(provider.id()));
        String requestId = EmailFixtures.submit(data.versionId());
        EmailDeliveryJob overSmtp = new EmailDeliveryJob(outbox, smtp, messages, config, clock);

        overSmtp.deliverDue(); // nothing listens on the port yet
        JsonPath failed = emailsTo(provider.email());
        assertThat(failed.getString("items[0].state")).isEqualTo("PENDING");
        assertThat(failed.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(failed.getString("items[0].lastError")).contains("Connection refused");

        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        EmailFixtures.makeDue(provider.email());
        assertThat(overSmtp.deliverDue()).isGreaterThanOrEqualTo(1);

        List<MimeMessage> received = Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(provider.email()));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("[LabGate] 데이터 제공 동의 요청 / Consent needed");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("labgate@labgate.test");
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getContent().toString())
                .contains(provider.contactName() + "님, 안녕하세요.")
                .contains("https://labgate.test/api/v1/access-requests/" + requestId)
                .contains("grant or refuse your consent");
        assertThat(body).isNotBlank();
        JsonPath delivered = emailsTo(provider.email());
        assertThat(mail.getHeader("X-LabGate-Notification")).containsExactly(delivered.getString("items[0].id"));
        assertThat(mail.getHeader("X-LabGate-Event")).containsExactly("CONSENT_NEEDED");
        assertThat(delivered.getString("items[0].state")).isEqualTo("DELIVERED");
        assertThat(delivered.getInt("items[0].attempts")).isEqualTo(2);
    }
}
