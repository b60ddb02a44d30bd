package io.labgate.inventory.bucket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a bucket held at one reconciliation, against the quota it had then. Never updated. */
@Entity
@Table(name = "bucket_usage_sample")
public class BucketUsageSample extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "bucket_id")
    public UUID bucketId;

    @Column(name = "sampled_at")
    public Instant sampledAt;

    /** False when the bucket was missing from the store; counts are then zero. */
    public boolean present;

    @Column(name = "object_count")
    public long objectCount;

    @Column(name = "used_bytes")
    public long usedBytes;

    @Column(name = "quota_bytes")
    public long quotaBytes;
}
