package io.labgate.organization.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an organization stands: PENDING after registration, ACTIVE once an operator activates it,
 * SUSPENDED while an operator has stopped it. Only ACTIVE organizations may act in the lab.
 */
@Schema(name = "OrganizationStatus")
public enum OrganizationStatus {
    PENDING,
    ACTIVE,
    SUSPENDED
}
