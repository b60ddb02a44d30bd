package io.labgate.notify.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.labgate.notify.NotificationEventType;
import io.labgate.notify.WebhookOutboxEntry;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One outbox row of a subscription: the event, and how its delivery is going.
 *
 * @param id the delivery id, sent as {@code X-LabGate-Delivery}
 * @param state PENDING (due at nextAttemptAt), DELIVERED or DEAD (gave up after the configured attempts)
 */
public record WebhookDeliveryResponse(
        UUID id,
        UUID subscriptionId,
        NotificationEventType eventType,

        @JsonRawValue
        @Schema(type = SchemaType.OBJECT, description = "The event's JSON body as it was sent to the subscriber")
        String payload,

        Instant createdAt,
        String state,
        int attempts,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant nextAttemptAt,
        Instant deliveredAt) {

    public static WebhookDeliveryResponse from(WebhookOutboxEntry e) {
        String state = e.deliveredAt != null ? "DELIVERED" : e.dead ? "DEAD" : "PENDING";
        return new WebhookDeliveryResponse(
                e.id,
                e.subscriptionId,
                NotificationEventType.valueOf(e.eventType),
                e.payload,
                e.createdAt,
                state,
                e.attempts,
                e.lastAttemptAt,
                e.lastStatus,
                e.lastError,
                e.deliveredAt == null && !e.dead ? e.nextAttemptAt : null,
                e.deliveredAt);
    }
}
