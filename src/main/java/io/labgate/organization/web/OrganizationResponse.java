package io.labgate.organization.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.labgate.organization.MachineCredentials;
import io.labgate.organization.Organization;
import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.OrganizationStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organization as the API shows it; the business registration number is its ten digits. {@code credentials}
 * appears only in the response of the activation that provisioned the machine client, never in a read.
 */
public record OrganizationResponse(
        UUID id,
        OrganizationKind kind,
        String name,
        String businessRegistrationNumber,
        OrganizationStatus status,
        String statusReason,
        Instant statusChangedAt,

        @Schema(
                description = "Path of the organization's Keycloak group, once provisioned",
                example = "/organizations/alpha-ai-1a2b3c4d")
        String keycloakGroup,

        @Schema(
                description = "clientId of the organization's machine client, once provisioned",
                example = "org-1a2b3c4d-loader")
        String keycloakClientId,

        Instant provisionedAt,

        @Schema(description = "When the machine client's current secret was handed out")
        Instant credentialsIssuedAt,

        String contactEmail,
        String contactName,
        Instant createdAt,
        Instant updatedAt,
        long version,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Only in the response of the activation that provisioned the machine client: its "
                        + "secret, shown this once")
        MachineCredentials credentials) {

    public static OrganizationResponse from(Organization o) {
        return new OrganizationResponse(
                o.id,
                o.kind,
                o.name,
                o.businessRegistrationNumber,
                o.status,
                o.statusReason,
                o.statusChangedAt,
                o.keycloakGroup,
                o.keycloakClientId,
                o.provisionedAt,
                o.credentialsIssuedAt,
                o.contactEmail,
                o.contactName,
                o.createdAt,
                o.updatedAt,
                o.version,
                null);
    }

    /** The same organization with credentials that were just issued (for the activation response only). */
    public OrganizationResponse withCredentials(MachineCredentials issued) {
        return new OrganizationResponse(
                id,
                kind,
                name,
                businessRegistrationNumber,
                status,
                statusReason,
                statusChangedAt,
                keycloakGroup,
                keycloakClientId,
                provisionedAt,
                credentialsIssuedAt,
                contactEmail,
                contactName,
                createdAt,
                updatedAt,
                version,
                issued);
    }
}
