package io.labgate.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets stored Idempotency-Key answers after {@code labgate.idempotency.retention} (default 7 days), so the
 * table does not grow forever; a retry later than that is a new request. Deletes in small transactions and skips
 * rows another transaction holds, so it never waits on a creation in flight and replicas running it at once
 * just share the work.
 */
@ApplicationScoped
public class IdempotencyPurgeJob {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurgeJob.class);
    private static final int BATCH = 5_000;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "labgate.idempotency.retention", defaultValue = "P7D")
    Duration retention;

    @Scheduled(
            identity = "idempotency-purge",
            every = "${labgate.idempotency.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        long purged = purgeCreatedBefore(clock.instant().minus(retention));
        if (purged > 0) {
            LOG.infof("%d idempotency records older than %s forgotten", purged, retention);
        }
    }

    /** Deletes the records created before {@code cutoff}; answers how many. */
    public long purgeCreatedBefore(Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("""
                    DELETE FROM idempotency_record WHERE ctid IN (
                        SELECT ctid FROM idempotency_record WHERE created_at < ?1
                        LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                            .setParameter(1, cutoff)
                            .setParameter(2, BATCH)
                            .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
