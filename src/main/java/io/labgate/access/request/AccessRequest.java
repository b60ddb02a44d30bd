package io.labgate.access.request;

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

/** An AI company's application for one or more dataset versions. */
@Entity
@Table(name = "access_request")
public class AccessRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "project_title")
    public String projectTitle;

    public String purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose_category")
    public PurposeCategory purposeCategory;

    @Column(name = "period_from")
    public Instant periodFrom;

    @Column(name = "period_until")
    public Instant periodUntil;

    /** Names of {@link io.labgate.policy.api.AccessMode}s. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "access_modes")
    public List<String> accessModes;

    @Column(name = "terms_version")
    public String termsVersion;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
