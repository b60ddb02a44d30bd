package io.labgate.organization.api;

import java.util.UUID;

/** What other features need to know of an organization. */
public record OrganizationSummary(UUID id, String name, OrganizationKind kind, OrganizationStatus status) {}
