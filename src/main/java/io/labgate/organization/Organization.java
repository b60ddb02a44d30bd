package io.labgate.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A company taking part in the lab: an AI company, a data provider, or the lab operator itself. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    /** What an organization does in the lab; fixed when it is registered. */
    @Schema(name = "OrganizationKind")
    public enum Kind {
        AI_COMPANY,
        DATA_PROVIDER,
        OPERATOR
    }

    /**
     * Where an organization stands: PENDING after registration, ACTIVE once an operator activates it,
     * SUSPENDED while an operator has stopped it. Only ACTIVE organizations may act in the lab.
     */
    @Schema(name = "OrganizationStatus")
    public enum Status {
        PENDING,
        ACTIVE,
        SUSPENDED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String name;

    /** The ten digits, without dashes. */
    @Column(name = "business_registration_number")
    public String businessRegistrationNumber;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Why the status last changed (required when suspending). */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** The organization's Keycloak group, once provisioned. */
    @Column(name = "keycloak_group")
    public String keycloakGroup;

    /** The clientId of the organization's machine client in Keycloak, once provisioned; never its secret. */
    @Column(name = "keycloak_client_id")
    public String keycloakClientId;

    /** When LabGate first provisioned the organization's group and machine client. */
    @Column(name = "provisioned_at")
    public Instant provisionedAt;

    /** When the machine client's current secret was handed out (at provisioning or the last rotation). */
    @Column(name = "credentials_issued_at")
    public Instant credentialsIssuedAt;

    /**
     * Ids of the Keycloak users that suspending the organization disabled; re-activating enables exactly these
     * again. Empty unless SUSPENDED.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "keycloak_disabled_users")
    public List<String> keycloakDisabledUsers = new ArrayList<>();

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
