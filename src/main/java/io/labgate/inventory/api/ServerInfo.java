package io.labgate.inventory.api;

import java.util.UUID;

/** What other features need to know of a lab server. */
public record ServerInfo(UUID id, String hostname, ServerStatus status) {}
