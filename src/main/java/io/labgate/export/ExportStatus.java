package io.labgate.export;

/**
 * Where an export stands. IN_REVIEW: the automatic checks found nothing that refuses it, reviewers decide;
 * CHANGES_REQUESTED: a reviewer asked for changes, the company may ask again; APPROVED: released, downloadable by
 * the company until {@code releasedUntil}; REFUSED: by the checks, a reviewer or a provider's veto, kept for the
 * operators, never downloadable by the company; ARCHIVED: the release window ended.
 */
public enum ExportStatus {
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    REFUSED,
    ARCHIVED
}
