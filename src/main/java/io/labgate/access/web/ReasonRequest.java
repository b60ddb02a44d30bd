package io.labgate.access.web;

import jakarta.validation.constraints.Size;

/** An optional reason, for a withdrawal. */
public record ReasonRequest(@Size(max = 2000) String reason) {}
