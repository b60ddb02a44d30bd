package io.labgate.organization;

import java.time.Instant;
import java.util.UUID;

/** An organization as the API shows it; the business registration number is its ten digits. */
public record OrganizationResponse(
        UUID id,
        Organization.Kind kind,
        String name,
        String businessRegistrationNumber,
        Organization.Status status,
        String statusReason,
        Instant statusChangedAt,
        String keycloakGroup,
        String contactEmail,
        String contactName,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static OrganizationResponse from(Organization o) {
        return new OrganizationResponse(o.id, o.kind, o.name, o.businessRegistrationNumber, o.status,
                o.statusReason, o.statusChangedAt, o.keycloakGroup, o.contactEmail, o.contactName, o.createdAt,
                o.updatedAt, o.version);
    }
}
