package io.labgate.attestation;

import io.labgate.platform.time.LabTime;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Gives every ended grant its destruction attestation ({@code labgate.attestation.due-every}), due
 * {@code attestation_days} of the grant's policy version after the end. Only ends that are recorded count: EXPIRED
 * (the expiry job records the clock's end within {@code labgate.access.expiry-every}) or REVOKED, both final. A
 * grant whose period is over but that is still ACTIVE can yet be extended by an operator, so it owes nothing until
 * the expiry job has run. It ended at its first revocation if that came before the end of its period, else at the
 * end of its period, as the report's grant spans say.
 *
 * <p>One statement finds grants without an attestation and inserts theirs with {@code ON CONFLICT (grant_id) DO
 * NOTHING}: replicas running at once race only on the unique key, and only the replica whose row was inserted
 * records the DUE event. It reads {@code access_grant}, {@code grant_change} and {@code security_policy} by SQL, a
 * known exception to the api rule (docs/architecture.md): a batch join is what makes it idempotent in one statement.
 */
@ApplicationScoped
public class AttestationDueJob {

    static final String ACTOR = "system:attestation-due";
    static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(AttestationDueJob.class);

    @Inject
    EntityManager em;

    @Inject
    AttestationEvents events;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "attestation-due",
            every = "${labgate.attestation.due-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        int count = run().size();
        if (count > 0) {
            LOG.infof("%d destruction attestations became due", count);
        }
    }

    /** Creates the attestations of up to {@value #BATCH} ended grants that have none; answers their ids. */
    @Transactional
    public List<UUID> run() {
        Instant now = LabTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH ended AS (
                    SELECT g.id, g.organization_id, g.dataset_id, g.dataset_version_id, g.policy_id, g.valid_from,
                           LEAST(g.valid_until, COALESCE(rv.at, 'infinity'::timestamptz)) AS ended_at,
                           CASE WHEN rv.at IS NOT NULL AND rv.at < g.valid_until THEN 'REVOKED' ELSE 'EXPIRED' END
                               AS ended_how,
                           p.attestation_days
                    FROM access_grant g
                    JOIN security_policy p ON p.id = g.policy_id
                    LEFT JOIN LATERAL (SELECT min(c.at) AS at FROM grant_change c
                                       WHERE c.grant_id = g.id AND c.action = 'REVOKED') rv ON true
                    WHERE g.status IN ('EXPIRED', 'REVOKED')
                      AND NOT EXISTS (SELECT 1 FROM destruction_attestation a WHERE a.grant_id = g.id)
                    ORDER BY g.valid_until, g.id
                    LIMIT ?2
                )
                INSERT INTO destruction_attestation (id, grant_id, organization_id, dataset_id, dataset_version_id,
                        policy_id, grant_valid_from, grant_ended_at, grant_ended_how, due_at, status, rejections,
                        created_at, updated_at, version)
                SELECT gen_random_uuid(), e.id, e.organization_id, e.dataset_id, e.dataset_version_id, e.policy_id,
                       e.valid_from, e.ended_at, e.ended_how, e.ended_at + make_interval(days => e.attestation_days),
                       'DUE', 0, ?1, ?1, 0
                FROM ended e
                ON CONFLICT (grant_id) DO NOTHING
                RETURNING id, organization_id, grant_id, dataset_version_id""")
                .setParameter(1, now)
                .setParameter(2, BATCH)
                .getResultList();
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add((UUID) row[0]);
            events.record((UUID) row[1], (UUID) row[2], (UUID) row[3], ACTOR, "DUE");
        }
        return ids;
    }
}
