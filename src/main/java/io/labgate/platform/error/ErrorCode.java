package io.labgate.platform.error;

import java.util.Locale;

/**
 * Every error LabGate answers with, each with a stable problem type and one HTTP status. Clients may rely on
 * {@link #type()}; the human text may change.
 */
public enum ErrorCode implements ProblemCode {
    VALIDATION_FAILED(400, "Request validation failed"),
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict with the current state"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RANGE_NOT_SATISFIABLE(416, "Range not satisfiable"),
    UNPROCESSABLE(422, "Request cannot be processed"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "Request header fields too large"),
    INTERNAL(500, "Internal error"),
    STORAGE_UNAVAILABLE(502, "Object store unavailable"),
    IDENTITY_PROVIDER_FAILED(502, "Identity provider failed"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public ErrorCode error() {
        return this;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The RFC 9457 problem type: a URN that never changes for this code. */
    public String type() {
        return "urn:labgate:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ErrorCode forStatus(int status) {
        for (ErrorCode code : values()) {
            if (code.status == status) {
                return code;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
