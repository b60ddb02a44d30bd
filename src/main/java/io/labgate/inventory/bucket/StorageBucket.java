package io.labgate.inventory.bucket;

import io.labgate.inventory.api.BucketPurpose;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An object-storage bucket of the lab, with its usage as last counted in the real store. */
@Entity
@Table(name = "storage_bucket")
public class StorageBucket extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public BucketPurpose purpose;

    @Column(name = "quota_bytes")
    public long quotaBytes;

    public boolean versioning;

    public boolean encryption;

    public String description;

    @Column(name = "object_count")
    public long objectCount;

    @Column(name = "used_bytes")
    public long usedBytes;

    @Column(name = "last_reconciled_at")
    public Instant lastReconciledAt;

    @Enumerated(EnumType.STRING)
    public BucketDrift drift;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
