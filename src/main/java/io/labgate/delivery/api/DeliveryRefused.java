package io.labgate.delivery.api;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.ProblemCode;
import java.util.Objects;

/**
 * A data request LabGate refuses. Each {@link Reason} has one HTTP status; the S3-compatible endpoint maps the
 * reason to its own S3 error code. The problem detail starts with the reason's name.
 */
public class DeliveryRefused extends ApiException {

    /** Why a data request was refused; written as the {@code reason} of the ACCESS_REFUSED usage event. */
    public enum Reason implements ProblemCode {
        /** No such grant, or another organization's (404: its existence is not revealed). */
        NO_SUCH_GRANT(ErrorCode.NOT_FOUND),
        /** The grant is not ACTIVE, not yet valid or already ended, or its version is no longer grantable. */
        GRANT_NOT_USABLE(ErrorCode.FORBIDDEN),
        /** The credential of the request (an S3 access key) was revoked while its transfer ran. */
        CREDENTIAL_REVOKED(ErrorCode.FORBIDDEN),
        /** The client address lies outside the policy's allowed networks. */
        NETWORK_NOT_ALLOWED(ErrorCode.FORBIDDEN),
        /** The grant does not allow this access mode. */
        MODE_NOT_ALLOWED(ErrorCode.FORBIDDEN),
        /** The grant's byte quota does not cover the bytes asked for. */
        QUOTA_EXCEEDED(ErrorCode.FORBIDDEN),
        /** The key is not exactly a key of the version's manifest. */
        NO_SUCH_KEY(ErrorCode.NOT_FOUND),
        /** The byte range lies outside the object. */
        RANGE_NOT_SATISFIABLE(ErrorCode.RANGE_NOT_SATISFIABLE),
        /** The organization made more requests than its rate allows; retry after {@link #retryAfterSeconds}. */
        RATE_LIMITED(ErrorCode.TOO_MANY_REQUESTS),
        /** The organization has as many downloads running as it may; retry after {@link #retryAfterSeconds}. */
        TOO_MANY_STREAMS(ErrorCode.TOO_MANY_REQUESTS);

        private final ErrorCode code;

        Reason(ErrorCode code) {
            this.code = code;
        }

        @Override
        public ErrorCode error() {
            return code;
        }
    }

    private final Reason reason;
    private final long retryAfterSeconds;
    private final long objectSize;

    public DeliveryRefused(Reason reason, String detail) {
        this(reason, detail, 0, -1);
    }

    private DeliveryRefused(Reason reason, String detail, long retryAfterSeconds, long objectSize) {
        super(Objects.requireNonNull(reason, "reason"), reason.name() + ": " + detail);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
        this.objectSize = objectSize;
    }

    /** A 429 refusal with the seconds after which a retry may succeed (at least 1). */
    public static DeliveryRefused retryLater(Reason reason, String detail, long retryAfterSeconds) {
        return new DeliveryRefused(reason, detail, Math.max(1, retryAfterSeconds), -1);
    }

    /** A 416 refusal; the size goes into {@code Content-Range: bytes *}{@code /size}. */
    public static DeliveryRefused unsatisfiable(String key, String range, long objectSize) {
        return new DeliveryRefused(
                Reason.RANGE_NOT_SATISFIABLE,
                "range " + range + " lies outside " + key + " (" + objectSize + " bytes)",
                0,
                objectSize);
    }

    public Reason reason() {
        return reason;
    }

    /** Seconds to wait before retrying; 0 when retrying will not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The object's size for a 416; -1 otherwise. */
    public long objectSize() {
        return objectSize;
    }
}
