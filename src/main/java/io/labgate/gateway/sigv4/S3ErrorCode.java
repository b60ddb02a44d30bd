package io.labgate.gateway.sigv4;

/**
 * The S3 error codes that request authentication, and the S3-compatible endpoint after it, can answer with, each
 * with the HTTP status S3 uses for it. The enum constant's name is the code that goes into the XML body.
 */
public enum S3ErrorCode {
    /** The request is not allowed: anonymous, expired presigned URL, presigned URL not valid yet, bad date. */
    AccessDenied(403),
    /** The {@code Authorization} header cannot be parsed, or its credential scope is not this endpoint's. */
    AuthorizationHeaderMalformed(400),
    /** The presigned-URL query parameters are missing, malformed or out of range. */
    AuthorizationQueryParametersError(400),
    /** Two authentication mechanisms in one request, or an unsupported one. */
    InvalidArgument(400),
    /** The access key id is not known (or no longer valid). */
    InvalidAccessKeyId(403),
    /** The request target is not a well-formed URI (a broken percent escape). */
    InvalidURI(400),
    /** A header the signature scheme requires is missing ({@code x-amz-content-sha256}). */
    MissingSecurityHeader(400),
    /** A header asks for something this read-only endpoint does not do (a streaming, chunk-signed payload). */
    NotImplemented(501),
    /** A header-signed request's time is too far from the server's clock. */
    RequestTimeTooSkewed(403),
    /** The signature does not match the one computed with the access key's secret. */
    SignatureDoesNotMatch(403),
    // --- answered by the endpoint (io.labgate.gateway), after authentication ---------------------------------
    /** The bucket is not the one the access key's grant reads. */
    NoSuchBucket(404),
    /** The key is not in the granted version's manifest. */
    NoSuchKey(404),
    /** The requested range does not overlap the object. */
    InvalidRange(416),
    /** A conditional request's {@code If-Match} or {@code If-Unmodified-Since} does not hold. */
    PreconditionFailed(412),
    /** A {@code partNumber} other than 1: LabGate's objects are each one part. */
    InvalidPartNumber(416),
    /** The HTTP method is not allowed on this resource. */
    MethodNotAllowed(405),
    /** Too many requests: retry later (with {@code Retry-After}). */
    SlowDown(503),
    /** LabGate failed (the object store, the usage log); nothing about the cause is told. */
    InternalError(500),
    /** LabGate cannot serve the request now (the usage log cannot record it). */
    ServiceUnavailable(503);

    private final int httpStatus;

    S3ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
