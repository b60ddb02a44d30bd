package io.labgate.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.access.api.AccessRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes email outbox rows for an event, in the caller's transaction: finds the addresses
 * ({@link EmailRecipients}), adds the names a reader needs to the event's payload (organization, project title,
 * dataset and version) and inserts one row per address. Does nothing while {@code labgate.notify.mail.enabled}
 * is false.
 */
@ApplicationScoped
public class EmailNotifier {

    @Inject
    EmailRecipients recipients;

    @Inject
    EmailOutbox outbox;

    @Inject
    NotifyConfig config;

    @Inject
    EntityManager em;

    @Inject
    AccessRequests requests;

    @Inject
    ObjectMapper json;

    /**
     * @param event the event as webhooks get it ({@code event}, {@code occurredAt}, ids …)
     * @param providers the providers asked for consent; null for the providers of {@code grantId}'s dataset
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int enqueue(
            NotificationEventType type,
            Map<String, Object> event,
            UUID aiCompany,
            Collection<UUID> providers,
            UUID requestId,
            UUID grantId,
            String dedupeKey,
            Instant now) {
        if (!config.mail().enabled()) {
            return 0;
        }
        List<EmailRecipients.Recipient> to = recipients.of(type, aiCompany, providers, grantId);
        if (to.isEmpty()) {
            return 0;
        }
        Map<String, Object> payload = new LinkedHashMap<>(event);
        if (aiCompany != null) {
            single("SELECT name FROM organization WHERE id = ?1", aiCompany)
                    .ifPresent(row -> payload.put("organizationName", row));
        }
        if (requestId != null) {
            requests.projectTitle(requestId).ifPresent(title -> payload.put("projectTitle", title));
        }
        if (grantId != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows =
                    em.createNativeQuery("""
                    SELECT d.code, d.title, v.label, g.valid_until FROM access_grant g
                    JOIN dataset d ON d.id = g.dataset_id JOIN dataset_version v ON v.id = g.dataset_version_id
                    WHERE g.id = ?1""").setParameter(1, grantId).getResultList();
            for (Object[] row : rows) {
                payload.put("datasetCode", row[0]);
                payload.put("datasetTitle", row[1]);
                payload.put("versionLabel", row[2]);
                payload.putIfAbsent("validUntil", instant(row[3]).toString());
            }
        }
        return outbox.enqueue(type, dedupeKey, write(payload), to, now);
    }

    /**
     * GRANT_EXPIRING mails for ACTIVE grants ending in (now, now + within] that were not announced by mail for
     * this end yet: the dedupe key {@code GRANT_EXPIRING:<grant>:<valid_until>} (as for webhooks) and the unique
     * {@code (recipient_email, dedupe_key)} keep it once per end of grant and address across ticks and replicas.
     */
    @Transactional
    public int enqueueExpiring(Instant now, Duration within) {
        if (!config.mail().enabled()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> grants = em.createNativeQuery("""
                SELECT g.id, g.organization_id, g.request_id, g.dataset_version_id,
                       to_char(g.valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS until
                FROM access_grant g
                WHERE g.status = 'ACTIVE' AND g.valid_until > ?1 AND g.valid_until <= ?2
                  AND NOT EXISTS (SELECT 1 FROM email_outbox e WHERE e.dedupe_key = 'GRANT_EXPIRING:' || g.id || ':'
                      || to_char(g.valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                ORDER BY g.valid_until""")
                .setParameter(1, now)
                .setParameter(2, now.plus(within))
                .getResultList();
        int rows = 0;
        for (Object[] g : grants) {
            UUID grantId = (UUID) g[0];
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", NotificationEventType.GRANT_EXPIRING.name());
            event.put("occurredAt", now.toString());
            event.put("organizationId", g[1]);
            event.put("grantId", grantId);
            event.put("requestId", g[2]);
            event.put("datasetVersionId", g[3]);
            event.put("validUntil", g[4]);
            rows += enqueue(
                    NotificationEventType.GRANT_EXPIRING,
                    event,
                    (UUID) g[1],
                    null,
                    null,
                    grantId,
                    "GRANT_EXPIRING:" + grantId + ":" + g[4],
                    now);
        }
        return rows;
    }

    private java.util.Optional<Object> single(String sql, UUID id) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.ofNullable(rows.get(0));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i.truncatedTo(ChronoUnit.MICROS);
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification payload is not JSON", e);
        }
    }
}
