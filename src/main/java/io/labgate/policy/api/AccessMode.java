package io.labgate.policy.api;

/** The ways an AI company may read the objects of a granted dataset version (DESIGN.md, "Access paths"). */
public enum AccessMode {
    /** Short-lived presigned GET URLs, signed by LabGate for one object each; cannot be revoked once issued. */
    PRESIGNED_URL,
    /** Streamed downloads through LabGate, with Range support; revocation and expiry are immediate. */
    STREAM,
    /** The S3-compatible read-only endpoint with per-grant access keys. */
    S3_ENDPOINT
}
