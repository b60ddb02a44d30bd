package io.labgate.usage.api;

/**
 * What a usage event records. Stored as text (the database checks only the format), so adding an action needs no
 * migration and older rows stay readable.
 */
public enum UsageAction {
    /** A grant's objects were listed (API or S3 ListObjectsV2). */
    OBJECT_LISTED,
    /** A presigned URL for one object was issued. */
    LINK_ISSUED,
    /**
     * A transfer (REST stream or S3 GetObject) is about to send its first byte: grant, key, range (reason) and the
     * bytes reserved. Its completion is an OBJECT_STREAMED or S3_REQUEST event with the bytes written, or, when the
     * replica died meanwhile, one with reason {@code INTERRUPTED} and the reserved bytes.
     */
    TRANSFER_STARTED,
    /** An object (or a range of it) was streamed through LabGate. */
    OBJECT_STREAMED,
    /** A request to the S3-compatible endpoint. */
    S3_REQUEST,
    /** An access was refused (expired or revoked grant, network, quota, signature, ...). */
    ACCESS_REFUSED,
    /** An AI company submitted an access request. */
    REQUEST_SUBMITTED,
    /** A data provider consented to, refused or excluded a request. */
    CONSENT_DECIDED,
    /** An operator approved or rejected a request. */
    REQUEST_DECIDED,
    /** A request was withdrawn by its AI company. */
    REQUEST_WITHDRAWN,
    /** A grant was created, suspended, resumed, revoked or expired. */
    GRANT_CHANGED,
    /** An access key of a grant was issued or revoked. */
    ACCESS_KEY_CHANGED,
    /**
     * An AI company asked to export artifacts (or asked again after changes were requested): bytes copied in, the
     * automatic checks' outcome (REFUSED with the refusing finding's kind as reason).
     */
    EXPORT_REQUESTED,
    /** A reviewer approved, refused or asked for changes (reason: the verdict). */
    EXPORT_REVIEWED,
    /** An export was approved and released for its window (bytes: its size). */
    EXPORT_RELEASED,
    /** An artifact of an export was downloaded (bytes: its size, counted before the first byte). */
    EXPORT_DOWNLOADED,
    /** A released export's window ended: the originals left the sandbox, the copies stay in the archive. */
    EXPORT_ARCHIVED,
    /**
     * A destruction attestation became due, was submitted, accepted or rejected, or its company was reminded of it
     * (reason {@code DUE}, {@code SUBMITTED}, {@code ACCEPTED}, {@code REJECTED}, {@code REMINDED_BEFORE},
     * {@code REMINDED_OVERDUE}); the event names the grant that ended.
     */
    ATTESTATION_CHANGED
}
