package io.labgate.platform.http;

import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses requests over LabGate's limits with a problem document, before any handler sees them: a URI longer than
 * {@code labgate.http.max-uri-length} (414), headers larger than {@code labgate.http.max-header-bytes} (431), a
 * declared body larger than {@code quarkus.http.limits.max-body-size} (413). A chunked body, which declares no
 * length, is stopped by Quarkus when it grows over the limit: 413 with an empty body (the REST layer reads the
 * request itself, so it cannot be read here first). Vert.x's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set far above these, so that
 * what LabGate refuses reaches this class instead of being answered by Vert.x with an empty body.
 */
@ApplicationScoped
public class RequestLimits {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "labgate.http.max-uri-length", defaultValue = "16384")
    int maxUriLength;

    @ConfigProperty(name = "labgate.http.max-header-bytes", defaultValue = "32768")
    int maxHeaderBytes;

    void install(@Observes Router router) {
        long bodyLimit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (ctx.request().uri().length() > maxUriLength) {
                refuse(ctx, ErrorCode.URI_TOO_LONG, "the request URI is longer than " + maxUriLength + " characters");
                return;
            }
            if (headerBytes(ctx.request().headers()) > maxHeaderBytes) {
                refuse(
                        ctx,
                        ErrorCode.HEADERS_TOO_LARGE,
                        "the request headers are larger than " + maxHeaderBytes + " bytes");
                return;
            }
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parse(length) > bodyLimit) {
                refuse(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + bodyLimit + " bytes");
                return;
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + bodyLimit + " bytes");
                return;
            }
            ctx.next();
        });
    }

    private static void refuse(RoutingContext ctx, ErrorCode code, String detail) {
        String requestId = UUID.randomUUID().toString();
        Problem problem = Problem.of(code, detail, requestId, List.of());
        ctx.response()
                .setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId)
                // the rest of what the client sends is not read: the connection cannot be reused
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }

    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
