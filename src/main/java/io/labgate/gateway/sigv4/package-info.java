/**
 * AWS Signature Version 4 verification for LabGate's S3-compatible read-only endpoint: pure Java, no Quarkus, no
 * network. {@link io.labgate.gateway.sigv4.SigV4Verifier} answers a
 * {@link io.labgate.gateway.sigv4.SigV4Result.Verified} or a {@link io.labgate.gateway.sigv4.SigV4Result.Rejected}
 * carrying the S3 error; {@link io.labgate.gateway.sigv4.S3ErrorXml} renders that error as S3 does.
 *
 * <p>Choices where S3's behaviour is unspecified or where LabGate is stricter:
 *
 * <ul>
 *   <li>In a query string {@code '+'} is a space (form encoding, as S3 and MinIO read it); in a path it is a plus.
 *   <li>A broken percent escape is {@code InvalidURI}; path and query are canonicalized on bytes, so a key that is
 *       not valid UTF-8 still verifies exactly as signed.
 *   <li>Streaming (chunk-signed) payloads are {@code NotImplemented}: the endpoint is read-only.
 *   <li>A missing {@code x-amz-content-sha256} is {@code MissingSecurityHeader} (S3 says {@code InvalidRequest}).
 *   <li>{@code X-Amz-Expires} must be 1..604800; a presigned URL dated further in the future than the allowed skew
 *       is {@code AccessDenied} "Request is not valid yet".
 *   <li>{@code host} must be signed; otherwise the request is malformed.
 *   <li>The verifier never sees the body: an endpoint that reads one checks it against the verified payload hash.
 * </ul>
 */
package io.labgate.gateway.sigv4;
