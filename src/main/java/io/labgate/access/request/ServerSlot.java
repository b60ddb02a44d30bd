package io.labgate.access.request;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lab server for a span of time, as an access request asks for it; the approval books it. */
@Schema(name = "ServerSlot")
public record ServerSlot(
        @NotNull UUID serverId,
        @NotNull @Schema(example = "2026-12-01T00:00:00Z") Instant startsAt,
        @NotNull @Schema(example = "2026-12-15T00:00:00Z") Instant endsAt) {}
