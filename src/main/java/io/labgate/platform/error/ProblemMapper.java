package io.labgate.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.labgate.platform.http.RequestIds;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 problem documents. 4xx are logged at debug, 5xx at error with
 * the request id; no stack trace or internal message ever reaches a client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.problemCode(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper({ResteasyReactiveViolationException.class, ConstraintViolationException.class})
    public Response violations(ConstraintViolationException e) {
        boolean onReturnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> lastNode(v.getPropertyPath()) == ElementKind.RETURN_VALUE);
        if (onReturnValue) {
            return internal(e);
        }
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail =
                violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return respond(ErrorCode.VALIDATION_FAILED, detail, violations);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = jsonPath(e);
        return respond(
                ErrorCode.VALIDATION_FAILED,
                "unknown field '" + field + "'",
                List.of(new Problem.Violation(field, "unknown field")));
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return respond(
                ErrorCode.VALIDATION_FAILED,
                field + ": expected " + expected,
                List.of(new Problem.Violation(field, "expected " + expected)));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = jsonPath(e);
        if (isSyntaxError(e)) {
            return malformedJson(e);
        }
        if (field.isEmpty()) {
            return respond(ErrorCode.MALFORMED_REQUEST, "the request body does not have the expected shape", List.of());
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return respond(
                ErrorCode.VALIDATION_FAILED,
                field + ": expected " + expected,
                List.of(new Problem.Violation(field, "expected " + expected)));
    }

    @ServerExceptionMapper({JsonMappingException.class, JsonProcessingException.class})
    public Response malformedJson(JsonProcessingException e) {
        if (!isSyntaxError(e)
                && e instanceof JsonMappingException mapping
                && !jsonPath(mapping).isEmpty()) {
            String field = jsonPath(mapping);
            return respond(
                    ErrorCode.VALIDATION_FAILED,
                    field + ": invalid value",
                    List.of(new Problem.Violation(field, "invalid value")));
        }
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return respond(ErrorCode.MALFORMED_REQUEST, "the request body is not valid JSON" + where, List.of());
    }

    private Response fromJackson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownField(u);
        }
        if (e instanceof InvalidFormatException i) {
            return wrongType(i);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatched(m);
        }
        return malformedJson(e);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ErrorCode.FORBIDDEN, "your role does not allow this operation", List.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e) {
        return respond(
                ErrorCode.PRECONDITION_FAILED,
                "the resource was changed by someone else; read it again and retry with its new ETag",
                List.of());
    }

    @ServerExceptionMapper
    public Response databaseRule(org.hibernate.exception.ConstraintViolationException e) {
        // a race that the service's own checks could not see; the database kept the data consistent
        LOG.debugf("database constraint %s refused a write", e.getConstraintName());
        return respond(
                ErrorCode.CONFLICT, "the change conflicts with existing data; read it again and retry", List.of());
    }

    @ServerExceptionMapper({
        org.hibernate.exception.LockAcquisitionException.class,
        jakarta.persistence.PessimisticLockException.class,
        jakarta.persistence.LockTimeoutException.class
    })
    public Response lockContention(RuntimeException e) {
        // the database broke a deadlock or a lock wait timed out: nothing was written, the same request can succeed
        LOG.warnf("lock contention, request %s answered 503: %s", RequestIds.current(), e.getMessage());
        return Response.fromResponse(respond(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "a concurrent change held the data this request needs; nothing was changed, retry",
                        List.of()))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return fromJackson(json);
            }
        }
        ErrorCode code = status == 400 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.forStatus(status);
        if (code == ErrorCode.NOT_FOUND && e.getCause() != null) {
            // JAX-RS answers 404 when a query parameter cannot be converted; to a client that is bad input
            return respond(
                    ErrorCode.MALFORMED_REQUEST,
                    "a path or query parameter has an invalid value (check enums, numbers and ids)",
                    List.of());
        }
        String detail = switch (code) {
            case NOT_FOUND -> "no resource at this path";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "the request body must be application/json";
            case NOT_ACCEPTABLE -> "no acceptable representation";
            default ->
                e.getCause() instanceof IllegalArgumentException || e.getMessage() == null
                        ? "the request is malformed (check query and path parameters)"
                        : safeMessage(e.getMessage());
        };
        Response.ResponseBuilder builder = Response.fromResponse(respond(code, detail, List.of()));
        Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    /**
     * A chunked body that grew over {@code quarkus.http.limits.max-body-size}: Quarkus has answered 413 already and
     * closes the connection; this only keeps it from being logged as a failure of LabGate.
     */
    @ServerExceptionMapper
    public Response bodyTooLarge(java.io.IOException e) {
        if (!"Request too large".equals(e.getMessage())) {
            return internal(e);
        }
        LOG.debugf("request %s: the chunked body was larger than the limit", RequestIds.current());
        return respond(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than the limit", List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response internal(Throwable e) {
        LOG.errorf(e, "unexpected failure (request %s)", RequestIds.current());
        return respond(
                ErrorCode.INTERNAL, "an internal error occurred; quote the request id to the operators", List.of());
    }

    public static Response respond(ProblemCode code, String detail, List<Problem.Violation> violations) {
        int status = code.error().status();
        if (status < 500) {
            LOG.debugf("%s: %s", code.name(), detail);
        }
        Problem problem = Problem.of(code, detail, RequestIds.current(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Truncated or syntactically broken JSON, as opposed to well-formed JSON of the wrong shape. */
    private static boolean isSyntaxError(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException) {
                return true;
            }
        }
        return e.getMessage() != null && e.getMessage().contains("end-of-input");
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.request.cpuCores" -> "cpuCores"; query parameters keep their own name
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && !names.isEmpty()) {
                // an element of a list ("<list element>", index 0) is the list's field with its index: tags[0]
                int last = names.size() - 1;
                names.set(last, names.get(last) + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
            } else if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
            }
        }
        if (names.size() > 1 && isParameterObject(violation)) {
            names.remove(0);
        }
        return String.join(".", names);
    }

    private static boolean isParameterObject(ConstraintViolation<?> violation) {
        // for a @Valid request body the first name is the Java parameter, not a JSON field
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return true;
            }
        }
        return false;
    }

    private static ElementKind lastNode(Path path) {
        ElementKind kind = null;
        for (Path.Node node : path) {
            kind = node.getKind();
        }
        return kind;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a value of type " + type.getSimpleName();
    }

    private static String safeMessage(String message) {
        // framework messages for 4xx are short and carry no internals; cap their length anyway
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
