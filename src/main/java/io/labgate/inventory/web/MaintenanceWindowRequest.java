package io.labgate.inventory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A span during which a server is out of service; it may not overlap bookings or other windows. */
public record MaintenanceWindowRequest(
        @NotNull @Schema(example = "2026-12-01T09:00:00Z") Instant startsAt,
        @NotNull @Schema(example = "2026-12-01T18:00:00Z") Instant endsAt,

        @NotBlank @Size(max = 500) @Schema(example = "GPU firmware update")
        String reason) {}
