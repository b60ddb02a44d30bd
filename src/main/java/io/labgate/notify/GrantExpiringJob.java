package io.labgate.notify;

import io.labgate.platform.time.LabTime;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Enqueues GRANT_EXPIRING for grants ending within {@code labgate.notify.expiring-within}
 * ({@code labgate.notify.expiring-every}). Once per subscription and end of grant: the outbox's unique
 * {@code (subscription_id, dedupe_key)} remembers what was announced, so replicas running at once and later ticks
 * never enqueue twice. Mails likewise ({@link EmailNotifier#enqueueExpiring}).
 */
@ApplicationScoped
public class GrantExpiringJob {

    private static final Logger LOG = Logger.getLogger(GrantExpiringJob.class);

    @Inject
    WebhookOutbox outbox;

    @Inject
    EmailNotifier emails;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "notify-grant-expiring",
            every = "${labgate.notify.expiring-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        run();
    }

    /** One tick; answers the outbox rows written (webhook deliveries and mails). */
    public int run() {
        Instant now = LabTime.now(clock);
        int rows = outbox.enqueueExpiring(now, config.expiringWithin());
        int mails = emails.enqueueExpiring(now, config.expiringWithin());
        if (rows + mails > 0) {
            LOG.infof("GRANT_EXPIRING enqueued: %d webhook deliveries, %d mails", rows, mails);
        }
        return rows + mails;
    }
}
