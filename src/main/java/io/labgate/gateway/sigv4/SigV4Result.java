package io.labgate.gateway.sigv4;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What {@link SigV4Verifier} decided about a request. */
public sealed interface SigV4Result {

    /** How the request carried its signature. */
    enum AuthLocation {
        /** The {@code Authorization} header. */
        HEADER,
        /** The {@code X-Amz-*} query parameters of a presigned URL. */
        QUERY
    }

    /**
     * The request is signed with the secret of {@code accessKeyId}, for {@code region} and service {@code s3}.
     *
     * @param signedAt the time the client signed ({@code x-amz-date}, {@code Date} or {@code X-Amz-Date})
     * @param expiresAt when a presigned URL stops being valid; {@code null} for a header-signed request
     * @param signedHeaders the lower-case names of the headers the signature covers, sorted
     * @param payloadHash the payload hash the signature covers: {@code UNSIGNED-PAYLOAD} or a hex SHA-256
     */
    record Verified(
            String accessKeyId,
            String region,
            AuthLocation authLocation,
            Instant signedAt,
            Instant expiresAt,
            List<String> signedHeaders,
            String payloadHash)
            implements SigV4Result {

        public Verified {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(region, "region");
            signedHeaders = List.copyOf(signedHeaders);
        }

        /** Whether the signature covers the header (its lower-case name). */
        public boolean signs(String headerName) {
            return signedHeaders.contains(headerName.toLowerCase(Locale.ROOT));
        }
    }

    /** The request is refused with this S3 error. */
    record Rejected(S3Error error) implements SigV4Result {

        public Rejected {
            Objects.requireNonNull(error, "error");
        }

        public S3ErrorCode code() {
            return error.code();
        }
    }
}
