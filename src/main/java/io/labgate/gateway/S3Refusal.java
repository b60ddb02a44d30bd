package io.labgate.gateway;

import io.labgate.delivery.api.DeliveryRefused;
import io.labgate.gateway.sigv4.S3Error;
import io.labgate.gateway.sigv4.S3ErrorCode;
import java.util.Map;

/** An S3 error raised while serving a request, with what to log: S3Gateway answers it. */
final class S3Refusal extends RuntimeException {

    final S3Error error;
    final Map<String, String> headers;
    /** ObjectDelivery logged the refusal already. */
    final boolean logged;

    S3Refusal(S3ErrorCode code, String message) {
        this(code, message, Map.of(), false);
    }

    S3Refusal(S3ErrorCode code, String message, Map<String, String> headers, boolean logged) {
        super(message, null, false, false);
        this.error = new S3Error(code, message);
        this.headers = headers;
        this.logged = logged;
    }

    /** How a refusal of ObjectDelivery (already logged by it) answers in S3's terms. */
    static S3Refusal of(DeliveryRefused refused) {
        String detail = refused.getMessage();
        return switch (refused.reason()) {
            case NO_SUCH_KEY ->
                new S3Refusal(S3ErrorCode.NoSuchKey, "The specified key does not exist.", Map.of(), true);
            case RANGE_NOT_SATISFIABLE ->
                new S3Refusal(
                        S3ErrorCode.InvalidRange,
                        "The requested range is not " + "satisfiable",
                        refused.objectSize() >= 0
                                ? Map.of("Content-Range", "bytes */" + refused.objectSize())
                                : Map.of(),
                        true);
            case RATE_LIMITED, TOO_MANY_STREAMS ->
                new S3Refusal(
                        S3ErrorCode.SlowDown,
                        "Please reduce your request " + "rate.",
                        Map.of("Retry-After", Long.toString(Math.max(1, refused.retryAfterSeconds()))),
                        true);
            // a key lives only as long as its grant: a grant revoked, suspended or ended makes its keys unknown
            case GRANT_NOT_USABLE ->
                new S3Refusal(
                        S3ErrorCode.InvalidAccessKeyId,
                        "The AWS Access Key Id you provided does not exist in our records.",
                        Map.of(),
                        true);
            default -> new S3Refusal(S3ErrorCode.AccessDenied, "Access Denied: " + detail, Map.of(), true);
        };
    }
}
