package io.labgate.platform.error;

import java.util.List;

/**
 * A failure that becomes an RFC 9457 problem; services throw it (or a feature's typed subclass), one mapper renders
 * it. It carries a {@link ProblemCode}: the fine-grained reason, and through it the HTTP status.
 */
public class ApiException extends RuntimeException {

    private final ProblemCode code;
    private final List<Problem.Violation> violations;

    public ApiException(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ProblemCode code, String detail, List<Problem.Violation> violations) {
        this(code, detail, violations, null);
    }

    /** For failures of a component (store, identity provider): the cause stays for the log, never the client. */
    protected ApiException(ProblemCode code, String detail, Throwable cause) {
        this(code, detail, List.of(), cause);
    }

    private ApiException(ProblemCode code, String detail, List<Problem.Violation> violations, Throwable cause) {
        super(detail, cause, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    /** The coarse error: HTTP status and problem type. */
    public ErrorCode code() {
        return code.error();
    }

    /** The fine-grained reason: the problem's {@code code} member. */
    public ProblemCode problemCode() {
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
