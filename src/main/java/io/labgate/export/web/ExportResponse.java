package io.labgate.export.web;

import io.labgate.export.ExportArtifact;
import io.labgate.export.ExportFinding;
import io.labgate.export.ExportRequest;
import io.labgate.export.ExportReview;
import io.labgate.export.ExportStatus;
import io.labgate.export.ReviewerRole;
import io.labgate.export.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An export as its company, its reviewers and the auditors see it: what it holds, what the checks found, every
 * verdict, and its release window.
 *
 * @param refusal why it was refused: a refusing check's kind (DATASET_OBJECT, TYPE_NOT_ALLOWED, TOO_LARGE,
 *     NOT_INSPECTABLE), REVIEWER_REFUSED or PROVIDER_VETO
 */
public record ExportResponse(
        UUID id,
        UUID organizationId,
        String requestedBy,
        String purpose,
        String sandboxBucket,
        String prefix,
        List<UUID> grantIds,
        List<UUID> datasetVersionIds,

        @Schema(description = "Providers whose data is involved: each must approve")
        List<UUID> providerIds,

        ExportStatus status,
        String refusal,
        int round,
        int approvalsNeeded,
        int releaseHours,
        int fileCount,
        long totalBytes,
        Instant createdAt,
        Instant submittedAt,
        Instant decidedAt,

        @Schema(description = "An APPROVED export is downloadable by its company until then")
        Instant releasedUntil,

        Instant archivedAt,
        List<Artifact> artifacts,
        List<CheckFinding> findings,
        List<Review> reviews) {

    /** One artifact: its name under the prefix, size and SHA-256 (null when it was not read). */
    public record Artifact(String name, long sizeBytes, String sha256) {}

    /** What a check found; {@code refuses} when it refused the export by itself. */
    public record CheckFinding(String kind, String path, String detail, long occurrences, boolean refuses) {}

    /** A verdict: who, as whom (and for which provider), on which round, when and why. */
    public record Review(
            String reviewer,
            ReviewerRole role,
            UUID providerId,
            int round,
            Verdict verdict,
            String reason,
            Instant reviewedAt) {}

    public static ExportResponse of(
            ExportRequest e, List<ExportArtifact> artifacts, List<ExportFinding> findings, List<ExportReview> reviews) {
        return new ExportResponse(
                e.id,
                e.organizationId,
                e.requestedBy,
                e.purpose,
                e.sandboxBucket,
                e.sandboxPrefix,
                List.copyOf(e.grantIds),
                List.copyOf(e.versionIds),
                List.copyOf(e.providerIds),
                e.status,
                e.refusal,
                e.round,
                e.approvalsNeeded,
                e.releaseHours,
                e.fileCount,
                e.totalBytes,
                e.createdAt,
                e.submittedAt,
                e.decidedAt,
                e.releasedUntil,
                e.archivedAt,
                artifacts.stream()
                        .map(a -> new Artifact(a.name, a.sizeBytes, a.sha256))
                        .toList(),
                findings.stream()
                        .map(f -> new CheckFinding(f.kind, f.path, f.detail, f.occurrences, f.refuses))
                        .toList(),
                reviews.stream()
                        .map(r -> new Review(
                                r.reviewer, r.reviewerRole, r.providerId, r.round, r.verdict, r.reason, r.reviewedAt))
                        .toList());
    }
}
