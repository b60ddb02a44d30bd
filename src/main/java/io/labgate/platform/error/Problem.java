package io.labgate.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document; {@code code}, {@code requestId} and {@code violations} are LabGate extension members.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "urn:labgate:problem:not-found") String type,

        @Schema(
                description = "stable fine-grained reason clients may switch on, e.g. QUOTA_EXCEEDED; the "
                        + "coarse error's name where nothing finer applies",
                example = "NOT_FOUND")
        String code,

        @Schema(example = "Not found") String title,
        @Schema(example = "404") int status,

        @Schema(example = "lab server 7d0c... does not exist")
        String detail,

        String instance,
        String requestId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem for a code, without an instance. */
    public static Problem of(ProblemCode code, String detail, String requestId, List<Violation> violations) {
        ErrorCode error = code.error();
        return new Problem(
                error.type(), code.name(), error.title(), error.status(), detail, null, requestId, violations);
    }

    /** The violations as one line for a problem's detail: {@code field: message; field: message}. */
    public static String summary(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }

    /** One invalid field: where it is in the request and what is wrong with it. */
    public record Violation(
            @Schema(example = "cpuCores") String field,
            @Schema(example = "must be greater than 0") String message) {}
}
