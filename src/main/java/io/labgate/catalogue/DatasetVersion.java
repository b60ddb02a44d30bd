package io.labgate.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One version of a dataset: the objects under a prefix of a PROCESSED bucket, their manifest and the
 * de-identification attestation. Once PUBLISHED the database refuses every change but retirement.
 */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "dataset_id")
    public UUID datasetId;

    public String label;

    @Column(name = "bucket_id")
    public UUID bucketId;

    public String prefix;

    @Enumerated(EnumType.STRING)
    public DatasetVersionStatus status;

    @Column(name = "object_count")
    public long objectCount;

    @Column(name = "total_bytes")
    public long totalBytes;

    @Column(name = "manifest_built_at")
    public Instant manifestBuiltAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "deid_method")
    public DeidentificationMethod deidMethod;

    @Column(name = "deid_verifier")
    public String deidVerifier;

    @Column(name = "deid_verified_on")
    public LocalDate deidVerifiedOn;

    @Column(name = "deid_note")
    public String deidNote;

    @Column(name = "deid_verified")
    public boolean deidVerified;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_reason")
    public String retiredReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
