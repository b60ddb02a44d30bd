package io.labgate.attestation;

import io.labgate.attestation.api.AttestationReminder;
import io.labgate.attestation.api.ReminderStep;
import io.labgate.platform.time.LabTime;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reminds AI companies of their open attestations ({@code labgate.attestation.reminder-every}), in two steps:
 * BEFORE once it is due within {@code labgate.attestation.remind-before}, OVERDUE once its due time has passed (an
 * attestation already overdue when it is created, or rejected after its due time, gets only OVERDUE).
 *
 * <p>Once per attestation and step, also with replicas ticking at once: one statement inserts the steps that have
 * come into {@code attestation_reminder} with {@code ON CONFLICT DO NOTHING}, and only the rows it inserted fire
 * {@link AttestationReminder} (notify turns it into webhook and mail outbox rows in this transaction) and a usage
 * event. A replica that inserts a step another replica holds uncommitted waits for it and then skips the row.
 */
@ApplicationScoped
public class AttestationReminderJob {

    static final String ACTOR = "system:attestation-reminder";
    static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(AttestationReminderJob.class);

    @Inject
    EntityManager em;

    @Inject
    AttestationEvents events;

    @Inject
    Event<AttestationReminder> reminders;

    @Inject
    AttestationConfig config;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "attestation-reminder",
            every = "${labgate.attestation.reminder-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        int count = run();
        if (count > 0) {
            LOG.infof("%d attestation reminders sent", count);
        }
    }

    /** One tick; answers the reminder steps this run recorded (and notified). */
    @Transactional
    public int run() {
        Instant now = LabTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH come AS (
                    SELECT a.id, CASE WHEN a.due_at <= ?1 THEN 'OVERDUE' ELSE 'BEFORE' END AS step
                    FROM destruction_attestation a
                    WHERE a.status IN ('DUE', 'REJECTED') AND a.due_at <= ?2
                    ORDER BY a.due_at, a.id
                    LIMIT ?3
                ), sent AS (
                    INSERT INTO attestation_reminder (attestation_id, step, sent_at)
                    SELECT come.id, come.step, ?1 FROM come
                    ON CONFLICT (attestation_id, step) DO NOTHING
                    RETURNING attestation_id, step
                )
                SELECT a.id, a.organization_id, a.grant_id, a.dataset_version_id, a.due_at, sent.step
                FROM sent JOIN destruction_attestation a ON a.id = sent.attestation_id
                ORDER BY a.due_at, a.id""")
                .setParameter(1, now)
                .setParameter(2, now.plus(config.remindBefore()))
                .setParameter(3, BATCH)
                .getResultList();
        for (Object[] row : rows) {
            ReminderStep step = ReminderStep.valueOf((String) row[5]);
            AttestationReminder reminder = new AttestationReminder(
                    (UUID) row[0], (UUID) row[1], (UUID) row[2], (UUID) row[3], instant(row[4]), step, now);
            reminders.fire(reminder);
            events.record(
                    reminder.organizationId(),
                    reminder.grantId(),
                    reminder.datasetVersionId(),
                    ACTOR,
                    "REMINDED_" + step.name());
        }
        return rows.size();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
