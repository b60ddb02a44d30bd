package io.labgate.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table: enqueueing inside the caller's transaction, and the short transactions of the delivery job
 * (claim, then record the outcome). All native SQL; every statement is safe with several replicas at once.
 */
@ApplicationScoped
public class WebhookOutbox {

    @Inject
    EntityManager em;

    /** A claimed row with what is needed to send it. */
    public record Claimed(
            UUID id,
            UUID subscriptionId,
            String eventType,
            String payload,
            String url,
            byte[] secretCiphertext,
            int keyVersion,
            int attempts) {}

    /**
     * One row per active subscription to this event type, in the caller's transaction (joined, so an event
     * exists iff the change it tells of commits). A row whose dedupe key the subscription already has is
     * skipped. Answers the rows written.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int enqueue(NotificationEventType type, String dedupeKey, String payloadJson, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO notification_outbox (id, subscription_id, event_type, dedupe_key, payload, created_at,
                                                 attempts, next_attempt_at, dead)
                SELECT gen_random_uuid(), s.id, ?1, ?2, cast(?3 AS jsonb), ?4, 0, ?4, false
                FROM webhook_subscription s
                WHERE s.active AND ?1 = ANY (s.event_types)
                ON CONFLICT (subscription_id, dedupe_key) DO NOTHING""")
                .setParameter(1, type.name())
                .setParameter(2, dedupeKey)
                .setParameter(3, payloadJson)
                .setParameter(4, now)
                .executeUpdate();
    }

    /**
     * GRANT_EXPIRING for every ACTIVE grant ending in (now, now + within], once per subscription and end of
     * grant (an extended grant is announced again before its new end). Idempotent, so replicas running it at
     * once only race on {@code ON CONFLICT DO NOTHING}.
     */
    @Transactional
    public int enqueueExpiring(Instant now, Duration within) {
        return em.createNativeQuery("""
                INSERT INTO notification_outbox (id, subscription_id, event_type, dedupe_key, payload, created_at,
                                                 attempts, next_attempt_at, dead)
                SELECT gen_random_uuid(), s.id, 'GRANT_EXPIRING',
                       'GRANT_EXPIRING:' || g.id || ':' || to_char(g.valid_until AT TIME ZONE 'UTC',
                                                                   'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       jsonb_build_object('event', 'GRANT_EXPIRING', 'occurredAt', ?1,
                           'organizationId', g.organization_id, 'grantId', g.id, 'requestId', g.request_id,
                           'datasetVersionId', g.dataset_version_id,
                           'validUntil', to_char(g.valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
                       ?2, 0, ?2, false
                FROM access_grant g
                JOIN webhook_subscription s ON s.active AND 'GRANT_EXPIRING' = ANY (s.event_types)
                WHERE g.status = 'ACTIVE' AND g.valid_until > ?2 AND g.valid_until <= ?3
                ON CONFLICT (subscription_id, dedupe_key) DO NOTHING""")
                .setParameter(1, now.toString())
                .setParameter(2, now)
                .setParameter(3, now.plus(within))
                .executeUpdate();
    }

    /**
     * Claims up to {@code limit} due rows of active subscriptions: locks them with {@code FOR UPDATE SKIP
     * LOCKED} (rows another run is claiming are skipped, never waited for), and moves their next attempt a lease
     * ahead so no other run takes them while they are sent; commits at once, so no transaction stays open during
     * HTTP calls. A run that dies before recording the outcome leaves the row due again when the lease ends.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claimDue(int limit, Instant now, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH due AS (
                    SELECT o.id FROM notification_outbox o
                    WHERE o.delivered_at IS NULL AND NOT o.dead AND o.next_attempt_at <= ?1
                      AND EXISTS (SELECT 1 FROM webhook_subscription s WHERE s.id = o.subscription_id AND s.active)
                    ORDER BY o.next_attempt_at
                    LIMIT ?2
                    FOR UPDATE OF o SKIP LOCKED
                ), claimed AS (
                    UPDATE notification_outbox o SET next_attempt_at = ?3
                    FROM due WHERE o.id = due.id
                    RETURNING o.id, o.subscription_id, o.event_type, o.payload::text AS payload, o.attempts
                )
                SELECT c.id, c.subscription_id, c.event_type, c.payload, s.url, s.secret_ciphertext,
                       s.key_version, c.attempts
                FROM claimed c JOIN webhook_subscription s ON s.id = c.subscription_id""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, now.plus(lease))
                .getResultList();
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            claimed.add(new Claimed(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (byte[]) r[5],
                    ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue()));
        }
        return claimed;
    }

    /** A 2xx: the row is done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(UUID id, int status, Instant now) {
        em.createNativeQuery("""
                UPDATE notification_outbox
                SET delivered_at = ?2, last_attempt_at = ?2, attempts = attempts + 1, last_status = ?3,
                    last_error = NULL
                WHERE id = ?1 AND delivered_at IS NULL""")
                .setParameter(1, id)
                .setParameter(2, now)
                .setParameter(3, status)
                .executeUpdate();
    }

    /** A failed attempt: retried at {@code next}, or dead. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID id, Integer status, String error, Instant now, Instant next, boolean dead) {
        em.createNativeQuery("""
                UPDATE notification_outbox
                SET attempts = attempts + 1, last_attempt_at = ?2, last_status = ?3, last_error = ?4,
                    next_attempt_at = ?5, dead = ?6
                WHERE id = ?1 AND delivered_at IS NULL""")
                .setParameter(1, id)
                .setParameter(2, now)
                .setParameter(3, status)
                .setParameter(4, error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(5, next)
                .setParameter(6, dead)
                .executeUpdate();
    }
}
