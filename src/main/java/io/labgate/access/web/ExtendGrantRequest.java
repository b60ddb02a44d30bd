package io.labgate.access.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A later end for a live grant, within the policy's longest grant counted from its start. */
public record ExtendGrantRequest(
        @NotNull Instant validUntil,
        @NotBlank @Size(max = 2000) String reason) {}
