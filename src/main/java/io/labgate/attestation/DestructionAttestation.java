package io.labgate.attestation;

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
 * What an AI company owes when one of its grants ends: a certificate that it destroyed its copies of the data, due
 * {@code attestationDays} (the grant's policy) after the end. Created by {@link AttestationDueJob}; the grant's facts
 * are copied so that the attestation never has to read the access tables again.
 */
@Entity
@Table(name = "destruction_attestation")
public class DestructionAttestation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "dataset_id")
    public UUID datasetId;

    @Column(name = "dataset_version_id")
    public UUID datasetVersionId;

    @Column(name = "policy_id")
    public UUID policyId;

    @Column(name = "grant_valid_from")
    public Instant grantValidFrom;

    @Column(name = "grant_ended_at")
    public Instant grantEndedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "grant_ended_how")
    public GrantEndedHow grantEndedHow;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public AttestationStatus status;

    // --- the latest submission (null while DUE) ---

    @Column(name = "destroyed_by")
    public String destroyedBy;

    @Column(name = "destroyed_at")
    public Instant destroyedAt;

    @Enumerated(EnumType.STRING)
    public DestructionMethod method;

    @Column(name = "method_detail")
    public String methodDetail;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> copies;

    public String statement;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** The first submission, kept over rejections: the report tells on-time from late by the latest one. */
    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;

    // --- the latest decision ---

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    public int rejections;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** Owed and past its due time: what holds the company's new access requests back. */
    public boolean isOverdue(Instant now) {
        return status.isOpen() && !now.isBefore(dueAt);
    }
}
