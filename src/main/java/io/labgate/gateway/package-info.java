/**
 * LabGate's S3-compatible read-only endpoint at {@code /s3} (path-style) and the per-grant access keys it accepts.
 * See {@code docs/gateway.md}.
 *
 * <ul>
 *   <li>{@link io.labgate.gateway.S3Mount} mounts a Vert.x route beside the REST layer: no OIDC, no problem+json.
 *   <li>{@link io.labgate.gateway.S3Gateway} verifies SigV4 ({@link io.labgate.gateway.sigv4}), authorizes through
 *       {@link io.labgate.delivery.api.ObjectDelivery} and dispatches the {@link io.labgate.gateway.S3Operation} to
 *       its handler, one per operation: ListBuckets, ListObjects (v1 and v2), HeadBucket, GetBucketLocation,
 *       HeadObject and GetObject; everything else is an S3 XML error.
 *   <li>{@link io.labgate.gateway.key} issues, lists and revokes keys; secrets are sealed with AES-256-GCM.
 * </ul>
 *
 * <p>Choices: an unknown or revoked key and a key whose grant is not usable now are both
 * {@code InvalidAccessKeyId} (a key lives as long as its grant; the answer does not tell whether a key id ever
 * existed). Writes are {@code AccessDenied}; other reads and sub-resources {@code NotImplemented}. ETags are the
 * manifest's SHA-256 (64 hex digits), never an MD5 look-alike.
 */
package io.labgate.gateway;
