package io.labgate.booking.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking as an operator makes it directly; the period is half-open: {@code [startsAt, endsAt)}. */
@Schema(name = "BookingRequest")
public record BookingRequest(
        @NotNull @Schema(description = "The lab server to book")
        UUID serverId,

        @NotNull @Schema(description = "The ACTIVE AI company the server is booked for")
        UUID organizationId,

        @NotNull @Schema(example = "2026-12-01T09:00:00Z") Instant startsAt,

        @NotNull
        @Schema(
                example = "2026-12-05T09:00:00Z",
                description = "After startsAt and in the future; at most 90 days after startsAt")
        Instant endsAt,

        @NotBlank @Size(max = 500) @Schema(example = "Fine-tuning a crop disease detector")
        String purpose) {}
