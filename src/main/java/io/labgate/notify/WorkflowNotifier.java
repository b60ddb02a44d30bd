package io.labgate.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.access.api.ConsentNeeded;
import io.labgate.access.api.WorkflowChange;
import io.labgate.platform.time.LabTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns workflow changes into outbox rows, synchronously inside the transaction that makes the change (a plain
 * {@code @Observes}, i.e. {@code TransactionPhase.IN_PROGRESS}): a rolled-back change leaves no notification,
 * a committed one always has its rows. The same events become email rows ({@link EmailNotifier}) in the same
 * transaction.
 *
 * <p>Mapping: REQUEST_SUBMITTED → REQUEST_SUBMITTED; {@link ConsentNeeded} → CONSENT_NEEDED; REQUEST_DECIDED
 * (APPROVED/REJECTED) → REQUEST_DECIDED; GRANT_CHANGED with what REVOKED → GRANT_REVOKED. Other changes
 * (consent decisions, withdrawals, suspensions, expiry) are not notified.
 */
@ApplicationScoped
public class WorkflowNotifier {

    @Inject
    WebhookOutbox outbox;

    @Inject
    EmailNotifier emails;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    void onChange(@Observes WorkflowChange change) {
        NotificationEventType type = switch (change.action()) {
            case REQUEST_SUBMITTED -> NotificationEventType.REQUEST_SUBMITTED;
            case REQUEST_DECIDED -> NotificationEventType.REQUEST_DECIDED;
            case GRANT_CHANGED -> "REVOKED".equals(change.what()) ? NotificationEventType.GRANT_REVOKED : null;
            default -> null;
        };
        if (type == null) {
            return;
        }
        Map<String, Object> payload = base(type);
        payload.put("organizationId", change.organizationId());
        payload.put("requestId", change.requestId());
        payload.put("grantId", change.grantId());
        payload.put("datasetVersionId", change.datasetVersionId());
        payload.put("what", change.what());
        payload.put("actor", change.actor());
        Instant now = now();
        outbox.enqueue(type, null, write(payload), now);
        emails.enqueue(type, payload, change.organizationId(), null, change.requestId(), change.grantId(), null, now);
    }

    void onConsentNeeded(@Observes ConsentNeeded needed) {
        Map<String, Object> payload = base(NotificationEventType.CONSENT_NEEDED);
        payload.put("organizationId", needed.organizationId());
        payload.put("requestId", needed.requestId());
        payload.put("providerOrgIds", needed.providerOrgIds());
        payload.put("actor", needed.actor());
        Instant now = now();
        outbox.enqueue(NotificationEventType.CONSENT_NEEDED, null, write(payload), now);
        emails.enqueue(
                NotificationEventType.CONSENT_NEEDED,
                payload,
                needed.organizationId(),
                needed.providerOrgIds(),
                needed.requestId(),
                null,
                null,
                now);
    }

    private Map<String, Object> base(NotificationEventType type) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", type.name());
        payload.put("occurredAt", now().toString());
        return payload;
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification payload is not JSON", e);
        }
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
