package io.labgate.organization;

import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.OrganizationStatus;
import io.labgate.platform.cache.WatchedCache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A company taking part in the lab: an AI company, a data provider, or the lab operator itself. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    public String name;

    /** The ten digits, without dashes. */
    @Column(name = "business_registration_number")
    public String businessRegistrationNumber;

    @Enumerated(EnumType.STRING)
    public OrganizationStatus status;

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

    @PostUpdate
    @PostRemove
    void forgetCached() {
        // the data path keeps organizations' status in memory (OrganizationDirectory); other replicas hear of it from
        // the trigger
        WatchedCache.changedInThisTransaction("organization", id.toString());
    }
}
