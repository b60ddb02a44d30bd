package io.labgate.notify;

import io.labgate.platform.time.LabTime;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends due email outbox rows through the blocking {@link Mailer} ({@code quarkus.mailer.*}), on the scheduler's
 * worker thread, every {@code labgate.notify.deliver-every} while {@code labgate.notify.mail.enabled}. Claims a
 * batch ({@link EmailOutbox#claimDue}: {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas never send one row
 * at the same time), renders it ({@link EmailMessages}) and sends it. A mail the SMTP server accepted marks the
 * row delivered; any failure (connection refused, timeout {@code quarkus.mailer.timeout}, a rejected recipient)
 * counts an attempt and retries after {@code backoff × 2^(attempts-1)}, capped, until {@code max-attempts}, then
 * the row is dead, exactly like a webhook delivery. At least once: a row whose outcome was never recorded is sent
 * again when its lease ends. Each mail carries {@code X-LabGate-Event} and {@code X-LabGate-Notification} (the
 * row id, the same on a retry).
 *
 * <p>Logs name rows by id, never an address together with a body.
 */
@ApplicationScoped
public class EmailDeliveryJob {

    private static final Logger LOG = Logger.getLogger(EmailDeliveryJob.class);

    final EmailOutbox outbox;
    final Mailer mailer;
    final EmailMessages messages;
    final NotifyConfig config;
    final Clock clock;

    /** Renders the monthly report's mails (their attachment is made when they are sent). */
    @Inject
    MonthlyReportMail monthly;

    @Inject
    public EmailDeliveryJob(
            EmailOutbox outbox, Mailer mailer, EmailMessages messages, NotifyConfig config, Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            identity = "email-delivery",
            every = "${labgate.notify.deliver-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.mail().enabled()) {
            deliverDue();
        }
    }

    /** One run: claims and sends batches until nothing is due; answers the mails sent. */
    public int deliverDue() {
        int delivered = 0;
        for (int round = 0; round < 100; round++) {
            List<EmailOutbox.Claimed> batch = outbox.claimDue(config.batchSize(), now(), config.claimLease());
            if (batch.isEmpty()) {
                break;
            }
            for (EmailOutbox.Claimed row : batch) {
                if (send(row)) {
                    delivered++;
                }
            }
        }
        return delivered;
    }

    private boolean send(EmailOutbox.Claimed row) {
        String error;
        try {
            mailer.send(mail(row)
                    .addHeader("X-LabGate-Event", row.eventType())
                    .addHeader("X-LabGate-Notification", row.id().toString()));
            outbox.delivered(row.id(), now());
            return true;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null
                            && e.getMessage() != null
                            && e.getMessage().equals(e.getCause().toString())
                    ? e.getCause()
                    : e;
            error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        int attempts = row.attempts() + 1;
        boolean dead = attempts >= config.maxAttempts();
        Instant now = now();
        outbox.failed(row.id(), error, now, now.plus(RetryBackoff.after(config, attempts)), dead);
        if (dead) {
            LOG.warnf(
                    "email notification %s (%s) is dead after %d attempts: %s",
                    row.id(), row.eventType(), attempts, error);
        } else {
            LOG.debugf("email notification %s failed (attempt %d): %s", row.id(), attempts, error);
        }
        return false;
    }

    private Mail mail(EmailOutbox.Claimed row) {
        if (MonthlyReportMail.EVENT.equals(row.eventType())) {
            return monthly.mail(row);
        }
        EmailMessages.Message message = messages.render(row.eventType(), row.payload(), row.recipientName());
        return Mail.withText(row.recipientEmail(), message.subject(), message.text());
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
