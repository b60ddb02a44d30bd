package io.labgate.notify;

import static io.labgate.notify.EmailFixtures.emailsTo;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.access.api.ConsentNeeded;
import io.labgate.notify.EmailFixtures.Org;
import io.labgate.notify.EmailRecipients.Party;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.PublishedDatasets.Published;
import io.labgate.testing.Tokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email notifications end to end, against Quarkus' mock mailbox ({@link MockMailbox},
 * {@code %test.quarkus.mailer.mock=true}): it stands in for the SMTP server and records every mail the
 * {@link Mailer} was given. {@link EmailOverSmtpTest} sends over the wire to a real SMTP server (GreenMail) as well.
 *
 * <p>Workflow changes are made through the API; the delivery job is called directly (its schedule is off in tests).
 * Each test creates its own provider organizations, so their addresses get no other test's mail; the AI company is
 * the demo's Alpha (alice), whose mails are told apart by the request or grant they link to. The mailbox and the
 * outbox are shared by every test of the JVM: assertions filter by these addresses and ids.
 */
@QuarkusTest
class EmailNotificationTest {

    static final String OPERATORS_1 = "lab-ops-1@labgate.test";
    static final String OPERATORS_2 = "lab-ops-2@labgate.test";
    static final String LINKS = "https://labgate.test/api/v1/";

    @Inject
    DemoOrganizations demo;

    @Inject
    MockMailbox mailbox;

    @Inject
    Mailer mailer;

    @Inject
    EmailDeliveryJob job;

    @Inject
    GrantExpiringJob expiring;

    @Inject
    EmailOutbox outbox;

    @Inject
    EmailMessages messages;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<ConsentNeeded> consentNeeded;

    @Inject
    EntityManager em;

    /** Alpha's contact address (as registered by whichever test came first). */
    String alpha;

    @BeforeEach
    void setUp() {
        ApprovedGrants.organizations(demo);
        alpha = as(Tokens.OPERATOR)
                .get("/api/v1/organizations/" + DemoOrganizations.ALPHA)
                .then()
                .statusCode(200)
                .extract()
                .path("contactEmail");
        // what other tests left queued is sent now, so that this test's job runs see only this test's rows
        job.deliverDue();
        mailbox.clear();
    }

    /** The mails to an address whose text links to this request or grant. */
    List<Mail> mailsAbout(String address, String id) {
        return mailbox.getMailsSentTo(address).stream()
                .filter(m -> m.getText().contains(id))
                .toList();
    }

    static String event(Mail mail) {
        return mail.getHeaders().get("X-LabGate-Event").get(0);
    }

    /** Every URL in a mail is a link to the LabGate API: no presigned URL, nothing else. */
    static void onlyApiLinks(Mail mail) {
        Matcher url = Pattern.compile("https?://\\S+").matcher(mail.getText());
        int links = 0;
        while (url.find()) {
            assertThat(url.group()).startsWith(LINKS).doesNotContain("X-Amz").doesNotContain("?");
            links++;
        }
        assertThat(links).as("a link to the resource").isPositive();
    }

    @Test
    void submissionMailsTheCompanyAndTheOperatorsAndConsentMailsEachProvider() {
        Org jeju2 = EmailFixtures.provider();
        Org ocean2 = EmailFixtures.provider();
        Published data = PublishedDatasets.publish(List.of(jeju2.id(), ocean2.id()));
        String requestId = EmailFixtures.submit(data.versionId());

        // queued in the submission's transaction, not sent yet
        JsonPath queued = emailsTo(jeju2.email());
        assertThat(queued.getList("items.eventType", String.class)).containsExactly("CONSENT_NEEDED");
        assertThat(queued.getString("items[0].state")).isEqualTo("PENDING");
        assertThat(queued.getString("items[0].recipientKind")).isEqualTo("PROVIDER");
        assertThat(queued.getString("items[0].organizationId"))
                .isEqualTo(jeju2.id().toString());
        assertThat(queued.getString("items[0].payload.requestId")).isEqualTo(requestId);
        assertThat(mailbox.getMailsSentTo(jeju2.email())).isEmpty();

        assertThat(job.deliverDue()).isGreaterThanOrEqualTo(5);

        Map<NotificationEventType, Set<Party>> told = new EnumMap<>(NotificationEventType.class);
        for (Org provider : List.of(jeju2, ocean2)) {
            List<Mail> mails = mailbox.getMailsSentTo(provider.email());
            assertThat(mails).hasSize(1);
            Mail mail = mails.get(0);
            assertThat(mail.getSubject()).isEqualTo("[LabGate] 데이터 제공 동의 요청 / Consent needed");
            assertThat(mail.getText())
                    .startsWith(provider.contactName() + "님, 안녕하세요.")
                    .contains("Alpha Vision AI")
                    .contains("동의")
                    .contains("grant or refuse your consent")
                    .contains(LINKS + "access-requests/" + requestId);
            assertThat(mail.getHeaders().get("X-LabGate-Notification"))
                    .containsExactly(emailsTo(provider.email()).getString("items[0].id"));
            onlyApiLinks(mail);
            told.computeIfAbsent(NotificationEventType.valueOf(event(mail)), e -> EnumSet.noneOf(Party.class))
                    .add(Party.PROVIDERS);
        }
        List<Mail> receipts = mailsAbout(alpha, requestId);
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).getSubject()).isEqualTo("[LabGate] 접근 신청 접수 / Access request submitted");
        assertThat(receipts.get(0).getText()).contains("접수되었습니다").contains("submitted the access request");
        onlyApiLinks(receipts.get(0));
        told.computeIfAbsent(NotificationEventType.valueOf(event(receipts.get(0))), e -> EnumSet.noneOf(Party.class))
                .add(Party.AI_COMPANY);
        for (String operator : List.of(OPERATORS_1, OPERATORS_2)) {
            List<Mail> mails = mailsAbout(operator, requestId);
            assertThat(mails).extracting(EmailNotificationTest::event).containsExactly("REQUEST_SUBMITTED");
            assertThat(mails.get(0).getText()).startsWith("안녕하세요. / Hello,");
            told.get(NotificationEventType.REQUEST_SUBMITTED).add(Party.OPERATORS);
        }
        assertThat(told)
                .containsEntry(
                        NotificationEventType.REQUEST_SUBMITTED,
                        EmailRecipients.RULES.get(NotificationEventType.REQUEST_SUBMITTED));
        assertThat(told)
                .containsEntry(
                        NotificationEventType.CONSENT_NEEDED,
                        EmailRecipients.RULES.get(NotificationEventType.CONSENT_NEEDED));

        JsonPath sent = emailsTo(jeju2.email());
        assertThat(sent.getString("items[0].state")).isEqualTo("DELIVERED");
        assertThat(sent.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(sent.getString("items[0].subject")).isEqualTo("[LabGate] 데이터 제공 동의 요청 / Consent needed");
        assertThat(sent.getString("items[0].deliveredAt")).isNotNull();
        assertThat(job.deliverDue()).as("nothing sent twice").isZero();
        assertThat(mailbox.getMailsSentTo(jeju2.email())).hasSize(1);
    }

    @Test
    void decisionExpiryAndRevocationMailTheCompanyAndRevocationAlsoTheProviders() throws Exception {
        Org provider = EmailFixtures.provider();
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        Published data = PublishedDatasets.publish(terms, List.of(provider.id()), List.of());
        String requestId = EmailFixtures.submit(data.versionId());
        String grantId = EmailFixtures.approve(requestId); // a one-day grant: inside expiring-within (3 days)

        assertThat(expiring.run()).isGreaterThanOrEqualTo(1);
        assertThat(EmailFixtures.rows("GRANT_EXPIRING", "grantId", grantId)).isEqualTo(1);
        expiring.run();
        assertThat(EmailFixtures.rows("GRANT_EXPIRING", "grantId", grantId))
                .as("announced once")
                .isEqualTo(1);

        as(Tokens.OPERATOR)
                .body(Map.of("reason", "mail test"))
                .post("/api/v1/grants/" + grantId + "/revoke")
                .then()
                .statusCode(200);
        job.deliverDue();

        Map<NotificationEventType, Set<Party>> told = new EnumMap<>(NotificationEventType.class);
        List<Mail> decided = mailsAbout(alpha, requestId).stream()
                .filter(m -> event(m).equals("REQUEST_DECIDED"))
                .toList();
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).getSubject()).isEqualTo("[LabGate] 접근 신청 승인 / Access request approved");
        assertThat(decided.get(0).getText()).contains("승인되었습니다").contains("was approved");
        List<Mail> aboutGrant = mailsAbout(alpha, grantId);
        assertThat(aboutGrant)
                .extracting(EmailNotificationTest::event)
                .containsExactlyInAnyOrder("GRANT_EXPIRING", "GRANT_REVOKED");
        for (Mail mail : aboutGrant) {
            onlyApiLinks(mail);
            assertThat(mail.getText()).contains(LINKS + "grants/" + grantId).contains("Alpha Vision AI");
            told.put(NotificationEventType.valueOf(event(mail)), EnumSet.of(Party.AI_COMPANY));
        }
        Mail expiry = aboutGrant.stream()
                .filter(m -> event(m).equals("GRANT_EXPIRING"))
                .findFirst()
                .orElseThrow();
        assertThat(expiry.getSubject()).isEqualTo("[LabGate] 접근 권한 만료 예정 / Grant expiring");
        String validUntil = as(Tokens.OPERATOR)
                .get("/api/v1/grants/" + grantId)
                .then()
                .extract()
                .path("validUntil");
        assertThat(expiry.getText())
                .contains(Instant.parse(validUntil).toString().substring(0, 16));
        told.put(NotificationEventType.REQUEST_DECIDED, EnumSet.of(Party.AI_COMPANY));

        // the provider hears of the revocation only: no receipt, no decision, no expiry (not asked for consent)
        List<Mail> toProvider = mailbox.getMailsSentTo(provider.email());
        assertThat(toProvider).extracting(EmailNotificationTest::event).containsExactly("GRANT_REVOKED");
        assertThat(toProvider.get(0).getSubject()).isEqualTo("[LabGate] 접근 권한 철회 / Grant revoked");
        assertThat(toProvider.get(0).getText())
                .contains("철회되었습니다")
                .contains("was revoked")
                .contains(LINKS + "grants/" + grantId);
        told.get(NotificationEventType.GRANT_REVOKED).add(Party.PROVIDERS);

        for (NotificationEventType type : List.of(
                NotificationEventType.REQUEST_DECIDED,
                NotificationEventType.GRANT_EXPIRING,
                NotificationEventType.GRANT_REVOKED)) {
            assertThat(told.get(type)).as(type.name()).isEqualTo(EmailRecipients.RULES.get(type));
        }
        assertThat(emailsTo(provider.email()).getString("items[0].recipientKind"))
                .isEqualTo("PROVIDER");
    }

    /** An SMTP failure (here: a mailer that throws, as the blocking mailer does when the server is down). */
    @Test
    void aMailerFailureIsRetriedWithBackoffAndTheAttemptIsVisible() throws Exception {
        Org provider = EmailFixtures.provider();
        Published data = PublishedDatasets.publish(List.of(provider.id()));
        EmailFixtures.submit(data.versionId());

        AtomicInteger failures = new AtomicInteger(1); // the first attempt to the provider fails
        Mailer down = mails -> {
            if (mails[0].getTo().contains(provider.email()) && failures.getAndDecrement() > 0) {
                throw new IllegalStateException("Connection refused: 127.0.0.1:25");
            }
            mailer.send(mails);
        };
        // only this test's rows are due (setUp sent the rest)
        EmailDeliveryJob failing = new EmailDeliveryJob(outbox, down, messages, config, clock);
        failing.deliverDue();

        JsonPath after1 = emailsTo(provider.email());
        assertThat(after1.getString("items[0].state")).isEqualTo("PENDING");
        assertThat(after1.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(after1.getString("items[0].lastError")).contains("Connection refused");
        Instant last = Instant.parse(after1.getString("items[0].lastAttemptAt"));
        Instant next = Instant.parse(after1.getString("items[0].nextAttemptAt"));
        assertThat(Duration.between(last, next)).isEqualTo(config.backoff());
        assertThat(as(Tokens.OPERATOR)
                        .get(EmailFixtures.EMAILS + "?state=PENDING&organizationId=" + provider.id())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id", String.class))
                .containsExactly(after1.getString("items[0].id"));

        assertThat(failing.deliverDue()).as("the backoff holds it back").isZero();
        assertThat(mailbox.getMailsSentTo(provider.email())).isEmpty();

        EmailFixtures.makeDue(provider.email());
        failing.deliverDue();
        assertThat(mailbox.getMailsSentTo(provider.email())).hasSize(1);
        JsonPath after2 = emailsTo(provider.email());
        assertThat(after2.getString("items[0].state")).isEqualTo("DELIVERED");
        assertThat(after2.getInt("items[0].attempts")).isEqualTo(2);
        assertThat(after2.getString("items[0].lastError")).isNull();
    }

    @Test
    void aMailGivesUpAfterMaxAttempts() throws Exception {
        Org provider = EmailFixtures.provider();
        Published data = PublishedDatasets.publish(List.of(provider.id()));
        EmailFixtures.submit(data.versionId());
        Mailer refusing = mails -> {
            throw new IllegalStateException("550 mailbox unavailable");
        };
        EmailDeliveryJob failing = new EmailDeliveryJob(outbox, refusing, messages, config, clock);
        for (int i = 0; i < config.maxAttempts() + 1; i++) {
            EmailFixtures.makeDue(provider.email());
            failing.deliverDue();
        }
        JsonPath dead = emailsTo(provider.email());
        assertThat(dead.getString("items[0].state")).isEqualTo("DEAD");
        assertThat(dead.getInt("items[0].attempts")).isEqualTo(config.maxAttempts());
        assertThat(dead.getString("items[0].nextAttemptAt")).isNull();
        assertThat(as(Tokens.AUDITOR)
                        .get(EmailFixtures.EMAILS + "?state=DEAD&recipient=" + provider.email())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id", String.class))
                .hasSize(1);
        job.deliverDue();
        assertThat(mailbox.getMailsSentTo(provider.email())).isEmpty();
    }

    /**
     * "Restart": the row is written while no delivery runs; a new job instance (nothing carried over from the bean
     * that existed when it was written) sends it from the database alone, once. Also a replica that dies after
     * claiming: its row is sent when the claim lease ends.
     */
    @Test
    void aQueuedMailIsSentOnceByARestartedJobAndAfterACrashedClaim() throws Exception {
        Org provider = EmailFixtures.provider();
        Published data = PublishedDatasets.publish(List.of(provider.id()));
        String first = EmailFixtures.submit(data.versionId());

        EmailDeliveryJob restarted = new EmailDeliveryJob(outbox, mailer, messages, config, clock);
        restarted.deliverDue();
        restarted.deliverDue();
        assertThat(mailbox.getMailsSentTo(provider.email())).hasSize(1);
        assertThat(mailbox.getMailsSentTo(provider.email()).get(0).getText()).contains(first);

        String second = EmailFixtures.submit(data.versionId());
        List<EmailOutbox.Claimed> lost = outbox.claimDue(100, clock.instant(), config.claimLease());
        assertThat(lost).extracting(EmailOutbox.Claimed::recipientEmail).contains(provider.email());
        EmailDeliveryJob another = new EmailDeliveryJob(outbox, mailer, messages, config, clock);
        another.deliverDue();
        assertThat(mailbox.getMailsSentTo(provider.email()))
                .as("still leased to the dead replica")
                .hasSize(1);
        EmailFixtures.makeDue(provider.email()); // the lease ended
        another.deliverDue();
        List<String> texts = new ArrayList<>();
        mailbox.getMailsSentTo(provider.email()).forEach(m -> texts.add(m.getText()));
        assertThat(texts).hasSize(2);
        assertThat(texts.get(1)).contains(second);
    }

    @Test
    void aRolledBackChangeMailsNothing() throws Exception {
        Org provider = EmailFixtures.provider();
        UUID requestId = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    consentNeeded.fire(
                            new ConsentNeeded(requestId, DemoOrganizations.ALPHA, List.of(provider.id()), "mail-test"));
                    Number inside = (Number)
                            em.createNativeQuery("SELECT count(*) FROM email_outbox WHERE recipient_email = ?1")
                                    .setParameter(1, provider.email())
                                    .getSingleResult();
                    assertThat(inside.intValue())
                            .as("written in the transaction")
                            .isEqualTo(1);
                    throw new IllegalStateException("the workflow change fails after the event");
                }))
                .hasMessageContaining("fails after the event");

        assertThat(EmailFixtures.rows("CONSENT_NEEDED", "requestId", requestId.toString()))
                .isZero();
        assertThat(emailsTo(provider.email()).getList("items")).isEmpty();
        job.deliverDue();
        assertThat(mailbox.getMailsSentTo(provider.email())).isEmpty();
    }

    @Test
    void theMailListIsForOperatorsAndAuditorsAndRejectsAnUnknownState() {
        as(Tokens.ALICE).get(EmailFixtures.EMAILS).then().statusCode(403);
        as(Tokens.CAROL).get(EmailFixtures.EMAILS).then().statusCode(403);
        as(Tokens.AUDITOR).get(EmailFixtures.EMAILS).then().statusCode(200);
        as(Tokens.OPERATOR).get(EmailFixtures.EMAILS + "?state=LOST").then().statusCode(400);
    }
}
