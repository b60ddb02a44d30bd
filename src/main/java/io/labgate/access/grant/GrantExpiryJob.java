package io.labgate.access.grant;

import io.labgate.access.api.GrantExpired;
import io.labgate.access.api.WorkflowChange;
import io.labgate.platform.time.LabTime;
import io.labgate.usage.api.UsageAction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Marks ACTIVE and SUSPENDED grants past their end EXPIRED ({@code labgate.access.expiry-every}). Only
 * bookkeeping: access already ended by the clock ({@link GrantService#requireUsable}). One statement claims the
 * due grants with {@code FOR UPDATE SKIP LOCKED}, updates them and records their changes, so replicas running
 * at once never process a grant twice.
 */
@ApplicationScoped
public class GrantExpiryJob {

    static final String ACTOR = "system:grant-expiry";
    static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(GrantExpiryJob.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<GrantExpired> expired;

    @Inject
    Event<WorkflowChange> changes;

    @Scheduled(
            identity = "grant-expiry",
            every = "${labgate.access.expiry-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        int count = expireDue().size();
        if (count > 0) {
            LOG.infof("%d grants expired", count);
        }
    }

    /** Expires up to {@value #BATCH} due grants; answers their ids. */
    @Transactional
    public List<UUID> expireDue() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH due AS (
                    SELECT id FROM access_grant
                    WHERE status IN ('ACTIVE', 'SUSPENDED') AND valid_until <= ?1
                    ORDER BY valid_until
                    LIMIT ?2
                    FOR UPDATE SKIP LOCKED
                ), done AS (
                    UPDATE access_grant g
                    SET status = 'EXPIRED', status_reason = 'the grant period ended', updated_at = ?1,
                        version = g.version + 1
                    FROM due WHERE g.id = due.id
                    RETURNING g.id, g.valid_until, g.organization_id, g.dataset_version_id
                ), logged AS (
                    INSERT INTO grant_change (id, grant_id, action, actor, reason, old_valid_until, new_valid_until, at)
                    SELECT gen_random_uuid(), done.id, 'EXPIRED', ?3, 'the grant period ended', done.valid_until,
                           done.valid_until, ?1
                    FROM done
                    RETURNING grant_id
                )
                SELECT logged.grant_id, done.organization_id, done.dataset_version_id
                FROM logged JOIN done ON done.id = logged.grant_id""")
                .setParameter(1, LabTime.now(clock))
                .setParameter(2, BATCH)
                .setParameter(3, ACTOR)
                .getResultList();
        List<UUID> ids = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            ids.add(id);
            expired.fire(new GrantExpired(id));
            changes.fire(
                    new WorkflowChange(UsageAction.GRANT_CHANGED, (UUID) row[1], id, (UUID) row[2], ACTOR, "EXPIRED"));
        }
        return ids;
    }
}
