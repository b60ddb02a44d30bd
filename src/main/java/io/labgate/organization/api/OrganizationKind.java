package io.labgate.organization.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an organization does in the lab; fixed when it is registered. */
@Schema(name = "OrganizationKind")
public enum OrganizationKind {
    AI_COMPANY,
    DATA_PROVIDER,
    OPERATOR
}
