package io.labgate.delivery.api;

/** Which access path a data request came through; decides the usage action of a transfer. */
public enum AccessPath {
    /** A presigned link was issued (the download itself goes to the store, not through LabGate). */
    PRESIGNED_URL,
    /** {@code GET /api/v1/grants/{id}/objects/{key}}, streamed through LabGate. */
    STREAM,
    /** The S3-compatible endpoint. */
    S3_ENDPOINT
}
