package io.labgate.common.error;

import java.util.List;

/** A domain failure that becomes an RFC 9457 problem; services throw it, one mapper renders it. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem.Violation> violations;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<Problem.Violation> violations) {
        this(code, detail, violations, null);
    }

    /** For failures of a component (store, identity provider): the cause stays for the log, never the client. */
    protected ApiException(ErrorCode code, String detail, Throwable cause) {
        this(code, detail, List.of(), cause);
    }

    private ApiException(ErrorCode code, String detail, List<Problem.Violation> violations, Throwable cause) {
        super(detail, cause, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ErrorCode.CONFLICT, detail);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(
                ErrorCode.VALIDATION_FAILED, field + ": " + message, List.of(new Problem.Violation(field, message)));
    }
}
