package io.labgate.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.platform.time.LabTime;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monthly report by mail (issue 12): the test profile configures two recipients; a tick enqueues last month's
 * report once per address however often it runs (as every replica's tick would), and the delivery job sends each a
 * mail with the report attached, rendered when it is sent. Real outbox in PostgreSQL, Quarkus' mock mailbox.
 */
@QuarkusTest
class MonthlyReportMailTest {

    static final List<String> RECIPIENTS = List.of("agency@nipa.example.kr", "board@lab.example");

    @Inject
    MonthlyReportMail monthly;

    @Inject
    EmailDeliveryJob delivery;

    @Inject
    MockMailbox mailbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Test
    void lastMonthsReportIsMailedOnceToEachConfiguredAddress() throws Exception {
        YearMonth month =
                YearMonth.from(LocalDate.now(clock.withZone(LabTime.ZONE))).minusMonths(1);
        monthly.run();
        // another replica's tick, and the next hour's: nothing more
        assertThat(monthly.run()).isZero();
        assertThat(monthly.run()).isZero();
        assertThat(rows(month)).isEqualTo(RECIPIENTS.size());

        mailbox.clear();
        delivery.deliverDue();
        for (String address : RECIPIENTS) {
            List<MailMessage> mails = mailbox.getMailMessagesSentTo(address);
            assertThat(mails).as(address).hasSize(1);
            MailMessage mail = mails.get(0);
            assertThat(mail.getSubject())
                    .isEqualTo("[LabGate] " + month.getYear() + "년 " + month.getMonthValue() + "월 운영 보고서");
            assertThat(mail.getHeaders().get("X-LabGate-Event")).isEqualTo(MonthlyReportMail.EVENT);
            assertThat(mail.getAttachment()).hasSize(1);
            MailAttachment report = mail.getAttachment().get(0);
            assertThat(report.getName())
                    .isEqualTo("labgate-report-all-" + month.atDay(1) + "-" + month.atEndOfMonth() + ".pdf");
            assertThat(report.getContentType()).isEqualTo("application/pdf");
            byte[] content = report.getData().getBytes();
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(content)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                // the cover names the month's first and last day, in Korean (the configured language)
                assertThat(text)
                        .contains(month.atDay(1).toString())
                        .contains(month.atEndOfMonth().toString());
                assertThat(text).contains("주요 지표 요약");
            }
        }
        // delivered: the rows are done, a later run sends nothing again
        mailbox.clear();
        delivery.deliverDue();
        assertThat(java.util.Optional.ofNullable(mailbox.getMailMessagesSentTo(RECIPIENTS.get(0)))
                        .orElse(List.of()))
                .isEmpty();
    }

    private long rows(YearMonth month) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "SELECT count(*) FROM email_outbox WHERE event_type = 'MONTHLY_REPORT' "
                                                + "AND dedupe_key = ?1")
                                .setParameter(1, "monthly-report:" + month)
                                .getSingleResult())
                        .longValue());
    }
}
