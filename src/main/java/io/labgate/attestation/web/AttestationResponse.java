package io.labgate.attestation.web;

import io.labgate.attestation.AttestationStatus;
import io.labgate.attestation.DestructionAttestation;
import io.labgate.attestation.DestructionMethod;
import io.labgate.attestation.GrantEndedHow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A destruction attestation as the API shows it: the grant it is owed for, when it is due, whether it is overdue
 * now, the latest submission (null fields while DUE) and the latest decision. {@code version} is its ETag.
 */
public record AttestationResponse(
        UUID id,
        UUID grantId,
        UUID organizationId,
        String organizationName,
        UUID datasetId,
        UUID datasetVersionId,
        UUID policyId,
        Instant grantValidFrom,
        Instant grantEndedAt,
        GrantEndedHow grantEndedHow,
        Instant dueAt,
        AttestationStatus status,
        boolean overdue,
        String destroyedBy,
        Instant destroyedAt,
        DestructionMethod method,
        String methodDetail,
        List<String> copies,
        String statement,
        String submittedBy,
        Instant submittedAt,
        Instant firstSubmittedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        int rejections,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static AttestationResponse from(DestructionAttestation a, String organizationName, Instant now) {
        return new AttestationResponse(
                a.id,
                a.grantId,
                a.organizationId,
                organizationName,
                a.datasetId,
                a.datasetVersionId,
                a.policyId,
                a.grantValidFrom,
                a.grantEndedAt,
                a.grantEndedHow,
                a.dueAt,
                a.status,
                a.isOverdue(now),
                a.destroyedBy,
                a.destroyedAt,
                a.method,
                a.methodDetail,
                a.copies == null ? null : List.copyOf(a.copies),
                a.statement,
                a.submittedBy,
                a.submittedAt,
                a.firstSubmittedAt,
                a.decidedBy,
                a.decidedAt,
                a.decisionReason,
                a.rejections,
                a.createdAt,
                a.updatedAt,
                a.version);
    }
}
