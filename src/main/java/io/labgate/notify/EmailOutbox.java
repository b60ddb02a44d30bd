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
 * The email outbox table ({@code email_outbox}, V16): enqueueing inside the caller's transaction, and the short
 * transactions of {@link EmailDeliveryJob} (claim, then record the outcome). The same statements as
 * {@link WebhookOutbox}, over rows that name an address instead of a subscription.
 */
@ApplicationScoped
public class EmailOutbox {

    @Inject
    EntityManager em;

    /** A claimed row with what is needed to render and send it. */
    public record Claimed(
            UUID id, String eventType, String recipientEmail, String recipientName, String payload, int attempts) {}

    /**
     * One row per recipient, in the caller's transaction (joined, so a mail exists iff the change it tells of
     * commits). A row whose dedupe key its address already has is skipped. Answers the rows written.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int enqueue(
            NotificationEventType type,
            String dedupeKey,
            String payloadJson,
            List<EmailRecipients.Recipient> recipients,
            Instant now) {
        return enqueue(type.name(), dedupeKey, payloadJson, recipients, now);
    }

    /** As above, for a mail that is no webhook event ({@link MonthlyReportMail#EVENT}). */
    @Transactional(Transactional.TxType.REQUIRED)
    public int enqueue(
            String eventType,
            String dedupeKey,
            String payloadJson,
            List<EmailRecipients.Recipient> recipients,
            Instant now) {
        int written = 0;
        for (EmailRecipients.Recipient to : recipients) {
            written += em.createNativeQuery("""
                    INSERT INTO email_outbox (id, event_type, dedupe_key, recipient_kind, organization_id,
                                              recipient_email, recipient_name, payload, created_at, attempts,
                                              next_attempt_at, dead)
                    VALUES (gen_random_uuid(), ?1, ?2, ?3, cast(?4 AS uuid), ?5, ?6, cast(?7 AS jsonb), ?8, 0, ?8, false)
                    ON CONFLICT (recipient_email, dedupe_key) DO NOTHING""")
                    .setParameter(1, eventType)
                    .setParameter(2, dedupeKey)
                    .setParameter(3, to.kind())
                    .setParameter(
                            4,
                            to.organizationId() == null
                                    ? null
                                    : to.organizationId().toString())
                    .setParameter(5, to.email())
                    .setParameter(6, to.name())
                    .setParameter(7, payloadJson)
                    .setParameter(8, now)
                    .executeUpdate();
        }
        return written;
    }

    /**
     * Claims up to {@code limit} due rows with {@code FOR UPDATE SKIP LOCKED} and moves their next attempt a lease
     * ahead, in a transaction of its own that commits before any SMTP conversation; a run that dies before
     * recording the outcome leaves the row due again when the lease ends.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claimDue(int limit, Instant now, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH due AS (
                    SELECT o.id FROM email_outbox o
                    WHERE o.delivered_at IS NULL AND NOT o.dead AND o.next_attempt_at <= ?1
                    ORDER BY o.next_attempt_at
                    LIMIT ?2
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE email_outbox o SET next_attempt_at = ?3
                FROM due WHERE o.id = due.id
                RETURNING o.id, o.event_type, o.recipient_email, o.recipient_name, o.payload::text, o.attempts""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, now.plus(lease))
                .getResultList();
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            claimed.add(new Claimed(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    ((Number) r[5]).intValue()));
        }
        return claimed;
    }

    /** The SMTP server accepted the mail: the row is done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(UUID id, Instant now) {
        em.createNativeQuery("""
                UPDATE email_outbox
                SET delivered_at = ?2, last_attempt_at = ?2, attempts = attempts + 1, last_error = NULL
                WHERE id = ?1 AND delivered_at IS NULL""").setParameter(1, id).setParameter(2, now).executeUpdate();
    }

    /** A failed attempt: retried at {@code next}, or dead. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID id, String error, Instant now, Instant next, boolean dead) {
        em.createNativeQuery("""
                UPDATE email_outbox
                SET attempts = attempts + 1, last_attempt_at = ?2, last_error = ?3, next_attempt_at = ?4, dead = ?5
                WHERE id = ?1 AND delivered_at IS NULL""")
                .setParameter(1, id)
                .setParameter(2, now)
                .setParameter(3, error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(4, next)
                .setParameter(5, dead)
                .executeUpdate();
    }
}
