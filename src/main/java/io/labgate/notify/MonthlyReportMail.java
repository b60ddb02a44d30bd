package io.labgate.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.notify.api.MonthlyReportDocument;
import io.labgate.platform.time.LabTime;
import io.quarkus.mailer.Mail;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The previous month's operation report, mailed each month to {@code labgate.notify.monthly-report.recipients}
 * through the email outbox. Replica-safe without a lock: every replica's tick may enqueue it, the outbox's unique
 * {@code (recipient_email, dedupe_key = monthly-report:YYYY-MM)} keeps one row per address and month, and the
 * delivery job's claim sends each row once. The PDF is rendered when the mail is sent ({@link MonthlyReportDocument},
 * by the report feature), so the outbox holds only the month and the language; a retry renders it again.
 */
@ApplicationScoped
public class MonthlyReportMail {

    /** The outbox's {@code event_type} of these mails. */
    public static final String EVENT = "MONTHLY_REPORT";

    private static final Logger LOG = Logger.getLogger(MonthlyReportMail.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmailOutbox outbox;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Inject
    Instance<MonthlyReportDocument> documents;

    @Scheduled(
            identity = "notify-monthly-report",
            every = "${labgate.notify.monthly-report-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        run();
    }

    /** One tick: enqueues last month's report for every address that has not had it; answers the rows written. */
    public int run() {
        List<String> addresses = config.monthlyReport().recipients().orElse(List.of());
        if (!config.mail().enabled() || addresses.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(LabTime.ZONE));
        if (today.getDayOfMonth() < config.monthlyReport().fromDay()) {
            return 0;
        }
        YearMonth month = YearMonth.from(today).minusMonths(1);
        List<EmailRecipients.Recipient> to = addresses.stream()
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .distinct()
                .map(a -> new EmailRecipients.Recipient(EmailRecipients.Party.REPORT_RECIPIENTS, null, a, null))
                .toList();
        String payload = JSON.createObjectNode()
                .put("month", month.toString())
                .put("lang", config.monthlyReport().lang())
                .toString();
        int written = outbox.enqueue(EVENT, "monthly-report:" + month, payload, to, LabTime.now(clock));
        if (written > 0) {
            LOG.infof("monthly report %s enqueued for %d address(es)", month, written);
        }
        return written;
    }

    /** The mail of a claimed row: a short text and the month's report attached. */
    Mail mail(EmailOutbox.Claimed row) {
        JsonNode payload;
        try {
            payload = JSON.readTree(row.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        YearMonth month = YearMonth.parse(payload.path("month").asText());
        boolean korean = !"en".equals(payload.path("lang").asText());
        MonthlyReportDocument.Attachment report = documents.get().render(month, korean ? "ko" : "en");
        String subject = korean
                ? String.format(Locale.ROOT, "[LabGate] %d년 %d월 운영 보고서", month.getYear(), month.getMonthValue())
                : "[LabGate] Operation report " + month;
        String text = korean
                ? String.format(
                        Locale.ROOT,
                        "%d년 %d월(한국 표준시) LabGate 운영 보고서를 첨부합니다.%n%n이 메일은 매월 자동으로 발송됩니다. 받는 사람은 "
                                + "운영자가 설정합니다(labgate.notify.monthly-report.recipients).%n",
                        month.getYear(),
                        month.getMonthValue())
                : "Attached is LabGate's operation report for " + month + " (Korea Standard Time).\n\n"
                        + "This mail is sent every month; the operators set its recipients "
                        + "(labgate.notify.monthly-report.recipients).\n";
        return Mail.withText(row.recipientEmail(), subject, text)
                .addAttachment(report.fileName(), report.content(), report.contentType());
    }
}
