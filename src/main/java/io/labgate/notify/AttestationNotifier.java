package io.labgate.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.attestation.api.AttestationReminder;
import io.labgate.attestation.api.ReminderStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the reminder steps of destruction attestations into webhook and mail outbox rows, synchronously in the
 * transaction that records the step as sent (so a step is notified iff it is recorded): BEFORE →
 * ATTESTATION_DUE_SOON, OVERDUE → ATTESTATION_OVERDUE. The attestation feature fires each step once; the dedupe key
 * {@code <event>:<attestation>} keeps the outboxes at one row per subscription or address even so.
 */
@ApplicationScoped
public class AttestationNotifier {

    @Inject
    WebhookOutbox outbox;

    @Inject
    EmailNotifier emails;

    @Inject
    ObjectMapper json;

    void onReminder(@Observes AttestationReminder reminder) {
        NotificationEventType type = reminder.step() == ReminderStep.BEFORE
                ? NotificationEventType.ATTESTATION_DUE_SOON
                : NotificationEventType.ATTESTATION_OVERDUE;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", type.name());
        payload.put("occurredAt", reminder.occurredAt().toString());
        payload.put("organizationId", reminder.organizationId());
        payload.put("attestationId", reminder.attestationId());
        payload.put("grantId", reminder.grantId());
        payload.put("datasetVersionId", reminder.datasetVersionId());
        payload.put("dueAt", reminder.dueAt().toString());
        String dedupeKey = type.name() + ":" + reminder.attestationId();
        outbox.enqueue(type, dedupeKey, write(payload), reminder.occurredAt());
        emails.enqueue(
                type,
                payload,
                reminder.organizationId(),
                null,
                null,
                reminder.grantId(),
                dedupeKey,
                reminder.occurredAt());
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification payload is not JSON", e);
        }
    }
}
