package io.labgate.gateway;

import io.labgate.delivery.api.ManifestObject;
import io.labgate.gateway.sigv4.S3ErrorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What HeadObject and GetObject answer about an object before its bytes: its headers, the {@code response-*}
 * overrides, the part number and the conditional headers. Pure logic, but for the 304 answer both give.
 */
final class ObjectHeaders {

    /** The response-* query parameters of GetObject and the headers they override, as S3 names them. */
    private static final Map<String, String> OVERRIDES = Map.of(
            "response-content-type",
            "Content-Type",
            "response-content-disposition",
            "Content-Disposition",
            "response-cache-control",
            "Cache-Control",
            "response-content-encoding",
            "Content-Encoding",
            "response-content-language",
            "Content-Language",
            "response-expires",
            "Expires");

    private ObjectHeaders() {}

    /** ETag, Last-Modified, Accept-Ranges, a safe Content-Type and, when asked for, the SHA-256 checksum. */
    static Map<String, String> of(S3Call call, S3Target target, ManifestObject object) {
        Map<String, String> headers = S3Answers.headers(call);
        headers.put("ETag", object.etag());
        headers.put("Last-Modified", httpDate(target.lastModified(object)));
        headers.put("Accept-Ranges", "bytes");
        headers.put("Content-Type", contentType(object));
        // dataset bytes are never to be sniffed into something a browser runs
        headers.put("X-Content-Type-Options", "nosniff");
        if ("ENABLED"
                .equalsIgnoreCase(
                        call.request().singleHeader("x-amz-checksum-mode").orElse(""))) {
            // the manifest's SHA-256, as S3 gives a full-object checksum: base64 of the digest
            headers.put(
                    "x-amz-checksum-sha256",
                    Base64.getEncoder().encodeToString(HexFormat.of().parseHex(object.sha256())));
        }
        return headers;
    }

    /** LabGate's objects are each one part: {@code partNumber=1} is the whole object, any other is refused. */
    static void requireWholePart(Map<String, String> query) {
        String part = query.get("partNumber");
        if (part != null && !part.equals("1")) {
            throw new S3Refusal(S3ErrorCode.InvalidPartNumber, "The requested partnumber is not satisfiable");
        }
    }

    /**
     * Evaluates the conditional headers before anything is written ahead: 412 as a refusal; the headers of a 304
     * when the client's copy is current; empty when the object is to be served.
     */
    static Optional<Map<String, String>> notModified(S3Call call, S3Target target, ManifestObject object) {
        S3Preconditions.Outcome outcome = S3Preconditions.evaluate(
                call.request().singleHeader("If-Match").orElse(null),
                call.request().singleHeader("If-None-Match").orElse(null),
                call.request().singleHeader("If-Modified-Since").orElse(null),
                call.request().singleHeader("If-Unmodified-Since").orElse(null),
                object.etag(),
                target.lastModified(object));
        if (outcome == S3Preconditions.Outcome.PRECONDITION_FAILED) {
            throw new S3Refusal(
                    S3ErrorCode.PreconditionFailed, "At least one of the pre-conditions you specified did not hold");
        }
        if (outcome != S3Preconditions.Outcome.NOT_MODIFIED) {
            return Optional.empty();
        }
        Map<String, String> headers = S3Answers.headers(call);
        headers.put("ETag", object.etag());
        headers.put("Last-Modified", httpDate(target.lastModified(object)));
        return Optional.of(headers);
    }

    /**
     * Answers 304 when the conditional headers say the client's copy is current, logged as the operation's "not
     * modified"; refuses 412 when they fail; false when the object is to be served.
     */
    static boolean answeredNotModified(
            S3Call call,
            S3Target target,
            ManifestObject object,
            S3Exchange exchange,
            S3RequestLog log,
            String operation) {
        Optional<Map<String, String>> headers = notModified(call, target, object);
        if (headers.isEmpty()) {
            return false;
        }
        log.served(call, target, operation + " not modified", object.key(), null);
        exchange.respond(304, headers.get(), null);
        return true;
    }

    /**
     * The headers GetObject's response-* query parameters override, as S3 does; a value with control characters
     * is ignored, a Content-Type a browser would run is refused.
     */
    static Map<String, String> overrides(Map<String, String> query) {
        Map<String, String> headers = new LinkedHashMap<>();
        OVERRIDES.forEach((parameter, header) -> {
            String value = query.get(parameter);
            if (value != null && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
                if (parameter.equals("response-content-type") && !safeContentType(value)) {
                    throw new S3Refusal(
                            S3ErrorCode.InvalidArgument,
                            "response-content-type " + value + " is not served: a dataset object is never answered "
                                    + "as a type a browser would run (HTML, XML, SVG, script)");
                }
                headers.put(header, value);
            }
        });
        return headers;
    }

    /** The store's Content-Type when it is one a browser does not run; otherwise plain bytes. */
    static String contentType(ManifestObject object) {
        String type = object.contentType();
        return type != null && safeContentType(type) ? type : "application/octet-stream";
    }

    /** Types a browser shows or saves but never runs: what a presigned GET may ask an object to be served as. */
    static boolean safeContentType(String value) {
        String type = value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.contains("html") || type.contains("xml") || type.contains("script") || type.contains("svg")) {
            return false;
        }
        return type.startsWith("image/")
                || type.startsWith("audio/")
                || type.startsWith("video/")
                || List.of(
                                "application/octet-stream",
                                "application/json",
                                "application/zip",
                                "application/gzip",
                                "application/x-tar",
                                "application/pdf",
                                "text/plain",
                                "text/csv",
                                "text/tab-separated-values")
                        .contains(type);
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
