package io.labgate.notify.web;

import io.labgate.notify.NotificationEventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new webhook subscription.
 *
 * @param url an absolute http or https URL without user info, at most 2048 characters
 * @param eventTypes what to be told about, at least one
 */
public record WebhookRequest(
        @NotBlank @Size(max = 2048) String url,
        @NotEmpty List<@NotNull NotificationEventType> eventTypes,
        @Size(max = 255) String description) {}
