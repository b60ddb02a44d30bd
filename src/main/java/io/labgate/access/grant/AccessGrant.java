package io.labgate.access.grant;

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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A time-boxed right of one organization to read one dataset version, created by an approval. */
@Entity
@Table(name = "access_grant")
public class AccessGrant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "dataset_version_id")
    public UUID datasetVersionId;

    @Column(name = "dataset_id")
    public UUID datasetId;

    @Column(name = "policy_id")
    public UUID policyId;

    /** Names of {@link io.labgate.policy.api.AccessMode}s. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "access_modes")
    public List<String> accessModes;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Enumerated(EnumType.STRING)
    public GrantStatus status;

    @Column(name = "byte_quota")
    public long byteQuota;

    /**
     * Read only for the entity: the data path reserves and gives back bytes with single UPDATEs while the grant may
     * be loaded here, so writing the loaded value back would lose them.
     */
    @Column(name = "bytes_used", updatable = false)
    public long bytesUsed;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @PostUpdate
    @PostRemove
    void forgetCached() {
        // the data path keeps grants in memory (GrantAccounting); other replicas hear of it from the trigger
        WatchedCache.changedInThisTransaction("access_grant", id.toString());
    }
}
