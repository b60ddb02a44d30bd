package io.labgate.policy;

import io.labgate.policy.api.ExportTerms;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a security policy. Immutable once {@link #lockedAt} is set (a dataset uses it): the
 * database refuses any later UPDATE or DELETE of the row.
 */
@Entity
@Table(name = "security_policy")
public class SecurityPolicy extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    @Column(name = "version_no")
    public int versionNo;

    public String title;

    public String description;

    @Column(name = "max_grant_days")
    public int maxGrantDays;

    @Column(name = "max_link_seconds")
    public int maxLinkSeconds;

    /** Names of {@link AccessMode}s, in enum order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_modes")
    public List<String> allowedModes;

    /** Normalised CIDR networks (see {@link ClientNetworks}); empty means any network. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_networks")
    public List<String> allowedNetworks;

    @Column(name = "consent_required")
    public boolean consentRequired;

    @Column(name = "terms_version")
    public String termsVersion;

    @Column(name = "max_concurrent_grants")
    public int maxConcurrentGrants;

    @Column(name = "byte_quota_per_grant")
    public long byteQuotaPerGrant;

    @Column(name = "export_approvals")
    public int exportApprovals;

    @Column(name = "export_max_files")
    public int exportMaxFiles;

    @Column(name = "export_max_bytes")
    public long exportMaxBytes;

    /** Lower-case file extensions an export may hold. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "export_file_types")
    public List<String> exportFileTypes;

    @Column(name = "export_release_hours")
    public int exportReleaseHours;

    @Column(name = "attestation_days")
    public int attestationDays;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "locked_at")
    public Instant lockedAt;

    @Version
    public long version;

    public ExportTerms exportTerms() {
        return new ExportTerms(
                exportApprovals, exportMaxFiles, exportMaxBytes, exportFileTypes, exportReleaseHours, attestationDays);
    }

    public boolean isLocked() {
        return lockedAt != null;
    }
}
