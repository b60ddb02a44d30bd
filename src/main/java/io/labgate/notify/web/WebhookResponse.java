package io.labgate.notify.web;

import io.labgate.notify.NotificationEventType;
import io.labgate.notify.WebhookSubscription;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook subscription, never with its secret. */
public record WebhookResponse(
        UUID id,
        String url,
        List<NotificationEventType> eventTypes,
        String description,
        boolean active,
        Instant createdAt,
        String createdBy,
        Instant deactivatedAt,
        String deactivatedBy,
        long version) {

    public static WebhookResponse from(WebhookSubscription s) {
        return new WebhookResponse(
                s.id,
                s.url,
                s.eventTypes.stream().map(NotificationEventType::valueOf).toList(),
                s.description,
                s.active,
                s.createdAt,
                s.createdBy,
                s.deactivatedAt,
                s.deactivatedBy,
                s.version);
    }
}
