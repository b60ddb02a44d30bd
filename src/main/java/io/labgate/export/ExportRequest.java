package io.labgate.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An AI company's request to take artifacts out of the lab. What it derives from (grants, their dataset versions,
 * the providers of those) and the terms it is judged by are fixed when it is asked.
 */
@Entity
@Table(name = "export_request")
public class ExportRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "requested_by")
    public String requestedBy;

    public String purpose;

    @Column(name = "sandbox_bucket")
    public String sandboxBucket;

    @Column(name = "sandbox_prefix")
    public String sandboxPrefix;

    @Column(name = "archive_bucket")
    public String archiveBucket;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "grant_ids")
    public List<UUID> grantIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "version_ids")
    public List<UUID> versionIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "provider_ids")
    public List<UUID> providerIds;

    @Enumerated(EnumType.STRING)
    public ExportStatus status;

    /** Why it was refused: the refusing finding's kind, REVIEWER_REFUSED or PROVIDER_VETO. */
    public String refusal;

    /** 1, and one more each time the company asks again after changes were requested. */
    public int round;

    @Column(name = "approvals_needed")
    public int approvalsNeeded;

    @Column(name = "release_hours")
    public int releaseHours;

    @Column(name = "file_count")
    public int fileCount;

    @Column(name = "total_bytes")
    public long totalBytes;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the current round was asked. */
    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "released_until")
    public Instant releasedUntil;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Version
    public long version;

    /** The key of an artifact's copy in the archive bucket, in a round's own folder. */
    String archiveKey(int inRound, String name) {
        return "exports/" + id + "/r" + inRound + "/" + name;
    }
}
