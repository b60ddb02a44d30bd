package io.labgate.notify.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.labgate.notify.EmailEntry;
import io.labgate.notify.NotificationEventType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One queued mail and how its delivery is going.
 *
 * @param id the row id, sent as the {@code X-LabGate-Notification} header
 * @param recipientKind AI_COMPANY, PROVIDER or OPERATORS (a configured operator address; no organization)
 * @param subject the subject the mail is (or was) sent with
 * @param state PENDING (due at nextAttemptAt), DELIVERED (the SMTP server accepted it) or DEAD (gave up)
 */
public record EmailResponse(
        UUID id,
        NotificationEventType eventType,
        String recipientKind,
        UUID organizationId,
        String recipientEmail,
        String subject,

        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "The event's JSON body the mail was written from")
        String payload,

        Instant createdAt,
        String state,
        int attempts,
        Instant lastAttemptAt,
        String lastError,
        Instant nextAttemptAt,
        Instant deliveredAt) {

    public static EmailResponse from(EmailEntry e, String subject) {
        String state = e.deliveredAt != null ? "DELIVERED" : e.dead ? "DEAD" : "PENDING";
        return new EmailResponse(
                e.id,
                NotificationEventType.valueOf(e.eventType),
                e.recipientKind,
                e.organizationId,
                e.recipientEmail,
                subject,
                e.payload,
                e.createdAt,
                state,
                e.attempts,
                e.lastAttemptAt,
                e.lastError,
                e.deliveredAt == null && !e.dead ? e.nextAttemptAt : null,
                e.deliveredAt);
    }
}
