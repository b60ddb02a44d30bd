package io.labgate.export;

import io.labgate.export.api.ExportRefusal;
import io.labgate.export.inspect.Finding;
import io.labgate.platform.error.ApiException;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The export workflow's changes, each one transaction with its usage event. The store work (copies, checks) happens
 * before, outside any transaction; a change that meets another state than the one it was prepared for is refused.
 */
@ApplicationScoped
class ExportRecords {

    @Inject
    ExportUsage usage;

    /** A new export as taken in: IN_REVIEW, or REFUSED when a finding refuses it by itself. */
    @Transactional
    ExportRequest create(ExportRequest export, SandboxIntake.Taken taken, Instant now) {
        export.createdAt = now;
        store(export, taken, now, true);
        return export;
    }

    /** The company asked again after changes were requested: a new round with its own artifacts and checks. */
    @Transactional
    ExportRequest resubmit(UUID id, int round, SandboxIntake.Taken taken, Instant now) {
        ExportRequest export = lock(id);
        if (export.status != ExportStatus.CHANGES_REQUESTED || export.round + 1 != round) {
            throw ApiException.conflict("export " + id + " changed meanwhile; read it again");
        }
        export.round = round;
        ExportArtifact.delete("exportId", id);
        ExportFinding.delete("exportId", id);
        store(export, taken, now, false);
        return export;
    }

    /** The round's outcome on the export, then its artifacts, findings and usage event (the event flushes them). */
    private void store(ExportRequest export, SandboxIntake.Taken taken, Instant now, boolean isNew) {
        export.fileCount = taken.artifacts().size();
        export.totalBytes = taken.totalBytes();
        export.submittedAt = now;
        Finding refusing = taken.refusing();
        if (refusing == null) {
            export.status = ExportStatus.IN_REVIEW;
        } else {
            export.status = ExportStatus.REFUSED;
            export.refusal = refusing.kind().name();
            export.decidedAt = now;
        }
        if (isNew) {
            export.persist();
        }
        for (SandboxIntake.Artifact a : taken.artifacts()) {
            ExportArtifact artifact = new ExportArtifact();
            artifact.exportId = export.id;
            artifact.name = a.name();
            artifact.sizeBytes = a.size();
            artifact.sha256 = a.sha256();
            artifact.archiveKey = a.archiveKey();
            artifact.persist();
        }
        int position = 0;
        for (Finding f : taken.findings()) {
            ExportFinding finding = new ExportFinding();
            finding.exportId = export.id;
            finding.position = position++;
            finding.kind = f.kind().name();
            finding.path = cut(f.path(), 2048);
            finding.detail = cut(f.detail(), 1000);
            finding.occurrences = f.count();
            finding.refuses = f.kind().refuses();
            finding.persist();
        }
        usage.changed(
                export,
                UsageAction.EXPORT_REQUESTED,
                export.requestedBy,
                refusing == null ? UsageOutcome.SUCCESS : UsageOutcome.REFUSED,
                refusing == null ? "IN_REVIEW" : refusing.kind().name(),
                export.totalBytes);
    }

    /** Records a verdict and moves the export as it decides; answers the export as it now stands. */
    @Transactional
    ExportRequest review(UUID id, ExportReview review, Instant now) {
        ExportRequest export = lock(id);
        if (export.status != ExportStatus.IN_REVIEW) {
            throw new ExportRefusal(
                    ExportRefusal.Code.EXPORT_NOT_IN_REVIEW,
                    "export " + id + " is " + export.status + "; only an export IN_REVIEW takes verdicts");
        }
        if (ExportReview.count("exportId = ?1 and round = ?2 and reviewer = ?3", id, export.round, review.reviewer)
                > 0) {
            throw new ExportRefusal(
                    ExportRefusal.Code.ALREADY_REVIEWED,
                    review.reviewer + " already reviewed round " + export.round + " of export " + id);
        }
        review.id = UUID.randomUUID();
        review.exportId = id;
        review.round = export.round;
        review.reviewedAt = now;
        review.persist();
        usage.changed(
                export,
                UsageAction.EXPORT_REVIEWED,
                review.reviewer,
                UsageOutcome.SUCCESS,
                review.reviewerRole + " " + review.verdict,
                null);
        switch (review.verdict) {
            case REFUSE -> {
                export.status = ExportStatus.REFUSED;
                export.refusal = review.reviewerRole == ReviewerRole.PROVIDER ? "PROVIDER_VETO" : "REVIEWER_REFUSED";
                export.decidedAt = now;
            }
            case ASK_CHANGES -> export.status = ExportStatus.CHANGES_REQUESTED;
            case APPROVE -> {
                List<ExportReview> round = ExportReview.list("exportId = ?1 and round = ?2", id, export.round);
                if (ReviewQuorum.reached(export, round)) {
                    export.status = ExportStatus.APPROVED;
                    export.decidedAt = now;
                    export.releasedUntil = now.plus(Duration.ofHours(export.releaseHours));
                    usage.changed(
                            export,
                            UsageAction.EXPORT_RELEASED,
                            review.reviewer,
                            UsageOutcome.SUCCESS,
                            "APPROVED",
                            export.totalBytes);
                }
            }
        }
        return export;
    }

    /** A released export whose window has ended: ARCHIVED, if it still is APPROVED. */
    @Transactional
    boolean archive(UUID id, Instant now) {
        ExportRequest export = lock(id);
        if (export.status != ExportStatus.APPROVED || export.releasedUntil.isAfter(now)) {
            return false;
        }
        export.status = ExportStatus.ARCHIVED;
        export.archivedAt = now;
        usage.changed(
                export,
                UsageAction.EXPORT_ARCHIVED,
                "labgate",
                UsageOutcome.SUCCESS,
                "RELEASE_ENDED",
                export.totalBytes);
        return true;
    }

    private static ExportRequest lock(UUID id) {
        ExportRequest export = ExportRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (export == null) {
            throw ApiException.notFound("export", id);
        }
        return export;
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
