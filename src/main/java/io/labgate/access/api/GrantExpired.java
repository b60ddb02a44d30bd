package io.labgate.access.api;

import java.util.UUID;

/** Fired (inside the expiring transaction) once per grant the expiry job marked EXPIRED. */
public record GrantExpired(UUID grantId) {}
