package io.labgate.gateway;

import io.labgate.delivery.api.AccessContext;
import io.labgate.delivery.api.AccessPath;
import io.labgate.delivery.api.ByteRange;
import io.labgate.delivery.api.DeliveryRefused;
import io.labgate.delivery.api.GrantedVersion;
import io.labgate.delivery.api.ManifestObject;
import io.labgate.delivery.api.ObjectDelivery;
import io.labgate.delivery.api.ObjectPage;
import io.labgate.delivery.api.Transfer;
import io.labgate.gateway.key.AccessKeyService;
import io.labgate.gateway.key.KeyResolution;
import io.labgate.gateway.sigv4.S3Error;
import io.labgate.gateway.sigv4.S3ErrorCode;
import io.labgate.gateway.sigv4.S3ErrorXml;
import io.labgate.gateway.sigv4.SigV4Request;
import io.labgate.gateway.sigv4.SigV4Result;
import io.labgate.gateway.sigv4.SigV4Verifier;
import io.labgate.policy.api.AccessMode;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The S3-compatible read-only endpoint: authenticates every request with SigV4 against the access key's secret,
 * then serves ListBuckets, ListObjects (v1 and v2), HeadBucket, GetBucketLocation, HeadObject and GetObject on the one
 * bucket the key's grant reads (named {@code <dataset-code>-<version-label>}, lower case), keys relative to the
 * version's prefix. Anything else is an S3 XML error. Every request is a usage event.
 *
 * <p>An unknown or revoked key, and a key whose grant is not usable right now (revoked, suspended, expired), is
 * {@code InvalidAccessKeyId}: a key lives only as long as its grant, and the answer does not tell a stranger whether
 * a key id ever existed.
 */
@ApplicationScoped
public class S3Gateway {

    private static final Logger LOG = Logger.getLogger(S3Gateway.class);

    @Inject
    AccessKeyService keys;

    @Inject
    GatewayConfig config;

    @Inject
    UsageLog usage;

    @Inject
    Clock clock;

    @Inject
    ObjectDelivery delivery;

    /** Addresses whose requests keep failing verification: throttled before any key lookup. */
    private UnverifiedSources unverified;

    @Inject
    MeterRegistry registry;

    /** Requests refused before verification because their address kept failing it. */
    private Counter throttled;

    @PostConstruct
    void init() {
        unverified = new UnverifiedSources(config.unverifiedPerMinute(), clock);
        throttled = Counter.builder("labgate.gateway.unverified.throttled")
                .description("S3 requests refused SlowDown before verification: their address kept failing it")
                .register(registry);
    }

    /** One request as received. {@code path} is the raw path below the mount point. */
    public record S3Call(SigV4Request request, String path, String clientAddress, String requestId) {}

    /** What the verified key reads: the bucket of its grant. */
    record Target(KeyResolution.Usable key, GrantedVersion granted, String bucket) {}

    /** An S3 error raised while serving, with what to log. */
    static final class S3Refusal extends RuntimeException {
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
    }

    @ActivateRequestContext
    public void handle(S3Call call, S3Exchange exchange) {
        if (unverified.throttled(call.clientAddress())) {
            throttled.increment();
            refuseUnverified(
                    call,
                    exchange,
                    null,
                    new S3Error(S3ErrorCode.SlowDown, "Please reduce your request rate."),
                    Map.of("Retry-After", Long.toString(unverified.secondsLeft())));
            return;
        }
        AtomicReference<String> claimed = new AtomicReference<>();
        AtomicReference<KeyResolution> resolved = new AtomicReference<>();
        KeyResolution.Usable key = null;
        Target target = null;
        try {
            SigV4Verifier verifier = new SigV4Verifier(
                    config.region(),
                    id -> {
                        claimed.set(id);
                        KeyResolution resolution = keys.resolve(id);
                        resolved.set(resolution);
                        return resolution instanceof KeyResolution.Usable usable
                                ? Optional.of(usable.secret())
                                : Optional.empty();
                    },
                    clock,
                    config.maxClockSkew());
            SigV4Result result = verifier.verify(call.request());
            if (result instanceof SigV4Result.Rejected rejected) {
                refuseUnverified(call, exchange, claimed.get(), rejected.error(), Map.of());
                return;
            }
            key = (KeyResolution.Usable) resolved.get();
            S3Operation operation = S3Operation.parse(
                    call.request().method(), call.path(), call.request().rawQuery());
            target = target(call, key);
            serve(call, exchange, operation, target);
        } catch (DeliveryRefused refused) {
            S3Refusal refusal = s3Refusal(refused);
            answerError(call, exchange, refusal.error, refusal.headers);
        } catch (S3Refusal refusal) {
            if (refusal.logged) {
                answerError(call, exchange, refusal.error, refusal.headers);
            } else {
                // serving raises these only after the signature verified: the key's holder asked
                refuse(call, exchange, key, target, refusal.error, refusal.headers);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "S3 request %s failed", call.requestId());
            if (exchange.started()) {
                exchange.abort();
            } else {
                S3ErrorCode code = e instanceof io.labgate.usage.api.UsageLogException
                        ? S3ErrorCode.ServiceUnavailable
                        : S3ErrorCode.InternalError;
                answerError(
                        call,
                        exchange,
                        new S3Error(
                                code,
                                code == S3ErrorCode.InternalError
                                        ? "We encountered an internal error. Please try again."
                                        : "Please reduce your request rate."),
                        Map.of());
            }
        }
    }

    private void serve(S3Call call, S3Exchange exchange, S3Operation operation, Target target) {
        if (operation instanceof S3Operation.Refused refused) {
            throw new S3Refusal(refused.error().code(), refused.error().message());
        }
        if (operation.bucket() != null && !operation.bucket().equals(target.bucket())) {
            throw new S3Refusal(S3ErrorCode.NoSuchBucket, "The specified bucket does not exist");
        }
        if (operation instanceof S3Operation.ListBuckets) {
            String xml = S3Xml.listBuckets(
                    target.key().organizationId().toString(),
                    List.of(new S3Xml.Bucket(target.bucket(), target.granted().publishedAt())));
            logged(call, target, "ListBuckets", null, null);
            exchange.respond(200, xmlHeaders(call), xml);
        } else if (operation instanceof S3Operation.HeadBucket) {
            logged(call, target, "HeadBucket", null, null);
            exchange.respond(200, headers(call), null);
        } else if (operation instanceof S3Operation.GetBucketLocation) {
            logged(call, target, "GetBucketLocation", null, null);
            exchange.respond(200, xmlHeaders(call), S3Xml.location(config.region()));
        } else if (operation instanceof S3Operation.ListObjectsV2 list) {
            listObjects(call, exchange, list.query(), false, target);
        } else if (operation instanceof S3Operation.ListObjectsV1 list) {
            listObjects(call, exchange, list.query(), true, target);
        } else if (operation instanceof S3Operation.HeadObject head) {
            headObject(call, exchange, head, target);
        } else if (operation instanceof S3Operation.GetObject get) {
            getObject(call, exchange, get, target);
        }
    }

    /** ListObjectsV2, or ListObjects (v1) whose marker is the start-after of the same walk. */
    private void listObjects(S3Call call, S3Exchange exchange, Map<String, String> q, boolean v1, Target target) {
        for (String name : List.of("prefix", "delimiter", "start-after", "marker", "continuation-token")) {
            String value = q.get(name);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new S3Refusal(S3ErrorCode.InvalidArgument, "The " + name + " must not contain NUL.");
            }
        }
        int maxKeys = ObjectListing.MAX_KEYS;
        if (q.containsKey("max-keys")) {
            try {
                maxKeys = Integer.parseInt(q.get("max-keys"));
            } catch (NumberFormatException e) {
                maxKeys = -1;
            }
            if (maxKeys < 0) {
                throw new S3Refusal(
                        S3ErrorCode.InvalidArgument, "Provided max-keys not an integer or within " + "integer range");
            }
        }
        String encoding = q.get("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw new S3Refusal(S3ErrorCode.InvalidArgument, "Invalid Encoding Method specified in Request");
        }
        String marker = v1 ? q.get("marker") : null;
        String token = v1 ? markerAsToken(marker, q.get("delimiter")) : q.get("continuation-token");
        ObjectListing.Query query = new ObjectListing.Query(
                q.get("prefix"),
                q.get("delimiter"),
                maxKeys,
                v1 && token == null ? emptyToNull(marker) : q.get("start-after"),
                token == null || token.isEmpty() ? null : token);
        ObjectListing.Page page;
        try {
            page = ObjectListing.list(source(target), query);
        } catch (IllegalArgumentException e) {
            throw new S3Refusal(
                    S3ErrorCode.InvalidArgument,
                    v1 ? "The marker provided is incorrect" : "The continuation token provided is incorrect");
        }
        // the bucket's owner, as ListBuckets names it: the organization of the key's grant
        String owner = target.key().organizationId().toString();
        // ObjectDelivery.list logged each manifest page it read as OBJECT_LISTED: that is this request's event
        String xml = v1
                ? S3Xml.listObjectsV1(target.bucket(), query, marker, page, "url".equals(encoding), owner)
                : S3Xml.listObjectsV2(
                        target.bucket(),
                        query,
                        page,
                        "url".equals(encoding),
                        "true".equals(q.get("fetch-owner")) ? owner : null);
        exchange.respond(200, xmlHeaders(call), xml);
    }

    /**
     * A v1 marker that is a common prefix (it ends with the delimiter) resumes after every key under it, as a v2
     * token does; any other marker is a plain start-after.
     */
    private static String markerAsToken(String marker, String delimiter) {
        if (marker == null || marker.isEmpty() || delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        return marker.endsWith(delimiter) ? new ObjectListing.Token(true, marker).encode() : null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private void headObject(S3Call call, S3Exchange exchange, S3Operation.HeadObject head, Target target) {
        ManifestObject object = delivery.stat(target.granted(), head.key());
        requireWholePart(S3Operation.query(call.request().rawQuery()));
        if (notModified(call, exchange, target, object, "HeadObject")) {
            return;
        }
        logged(call, target, "HeadObject", object.key(), null);
        Map<String, String> headers = objectHeaders(call, target, object);
        headers.put("Content-Length", Long.toString(object.size()));
        exchange.respond(200, headers, null);
    }

    /** LabGate's objects are each one part: {@code partNumber=1} is the whole object, any other is refused. */
    private static void requireWholePart(Map<String, String> query) {
        String part = query.get("partNumber");
        if (part != null && !part.equals("1")) {
            throw new S3Refusal(S3ErrorCode.InvalidPartNumber, "The requested partnumber is not satisfiable");
        }
    }

    /**
     * Evaluates the conditional headers before anything is written ahead: 412 as a refusal, 304 answered here
     * (logged as the operation's "not modified"); false when the object is to be served.
     */
    private boolean notModified(
            S3Call call, S3Exchange exchange, Target target, ManifestObject object, String operation) {
        S3Preconditions.Outcome outcome = S3Preconditions.evaluate(
                call.request().singleHeader("If-Match").orElse(null),
                call.request().singleHeader("If-None-Match").orElse(null),
                call.request().singleHeader("If-Modified-Since").orElse(null),
                call.request().singleHeader("If-Unmodified-Since").orElse(null),
                object.etag(),
                lastModified(target, object));
        if (outcome == S3Preconditions.Outcome.PRECONDITION_FAILED) {
            throw new S3Refusal(
                    S3ErrorCode.PreconditionFailed, "At least one of the pre-conditions you specified did not hold");
        }
        if (outcome == S3Preconditions.Outcome.NOT_MODIFIED) {
            logged(call, target, operation + " not modified", object.key(), null);
            Map<String, String> headers = headers(call);
            headers.put("ETag", object.etag());
            headers.put("Last-Modified", httpDate(lastModified(target, object)));
            exchange.respond(304, headers, null);
            return true;
        }
        return false;
    }

    /** The object's own last modification in the store, or its version's publication for older manifests. */
    private static Instant lastModified(Target target, ManifestObject object) {
        return object.lastModified() != null
                ? object.lastModified()
                : target.granted().publishedAt();
    }

    /** The store's Content-Type when it is one a browser does not run; otherwise plain bytes. */
    static String contentType(ManifestObject object) {
        String type = object.contentType();
        return type != null && safeContentType(type) ? type : "application/octet-stream";
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private void getObject(S3Call call, S3Exchange exchange, S3Operation.GetObject get, Target target) {
        ManifestObject object = delivery.stat(target.granted(), get.key());
        Map<String, String> query = S3Operation.query(call.request().rawQuery());
        requireWholePart(query);
        if (notModified(call, exchange, target, object, "GetObject")) {
            return;
        }
        // If-Range: a range of an object that changed since is answered whole
        boolean rangeApplies = S3Preconditions.rangeApplies(
                call.request().singleHeader("If-Range").orElse(null), object.etag(), lastModified(target, object));
        ByteRange range = ByteRange.parse(
                rangeApplies ? call.request().singleHeader("Range").orElse(null) : null);
        // the overrides are checked before the transfer is written ahead: a refused one costs no byte
        Map<String, String> overridden = new LinkedHashMap<>();
        overrides(query, overridden);
        try (Transfer transfer = delivery.prepare(
                target.granted(), object, range, target.granted().context())) {
            ByteRange.Slice slice = transfer.slice();
            Map<String, String> headers = objectHeaders(call, target, object);
            headers.put("Content-Length", Long.toString(slice.length()));
            if (slice.partial()) {
                headers.put("Content-Range", slice.contentRange());
                // the checksum is the whole object's: a client would check the range against it (aws-cli does)
                headers.remove("x-amz-checksum-sha256");
            }
            headers.putAll(overridden);
            OutputStream out = exchange.stream(slice.partial() ? 206 : 200, headers);
            try {
                transfer.writeTo(out);
                out.close();
            } catch (IOException | RuntimeException e) {
                // the answer has begun: the client sees a cut connection, the usage log the bytes sent
                LOG.debugf("S3 GetObject %s of %s ended early: %s", call.requestId(), object.key(), e.toString());
                exchange.abort();
            }
        }
    }

    private Map<String, String> objectHeaders(S3Call call, Target target, ManifestObject object) {
        Map<String, String> headers = headers(call);
        headers.put("ETag", object.etag());
        headers.put("Last-Modified", httpDate(lastModified(target, object)));
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
                    java.util.Base64.getEncoder()
                            .encodeToString(java.util.HexFormat.of().parseHex(object.sha256())));
        }
        return headers;
    }

    /** The response-* query parameters of GetObject override these headers, as S3 does. */
    private static void overrides(Map<String, String> query, Map<String, String> headers) {
        Map<String, String> names = Map.of(
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
        names.forEach((parameter, header) -> {
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

    /** The manifest of the granted version through ObjectDelivery, keys relative to its prefix. */
    ObjectListing.Source source(Target target) {
        return (prefix, startAfter, limit) -> {
            ObjectPage page = delivery.list(target.granted(), prefix, startAfter, limit);
            return page.objects().stream()
                    .map(o -> new ListedObject(o.key(), o.size(), o.sha256(), lastModified(target, o)))
                    .toList();
        };
    }

    /** The grant authorized for this request by ObjectDelivery (rate, mode, period, network) and its bucket. */
    private Target target(S3Call call, KeyResolution.Usable key) {
        AccessContext context = new AccessContext(
                subject(key),
                key.organizationId(),
                call.requestId(),
                null,
                truncate(call.clientAddress(), 64),
                AccessPath.S3_ENDPOINT,
                () -> keys.isUnrevoked(key.accessKeyId()));
        GrantedVersion granted = delivery.authorize(
                key.grantId(), key.organizationId(), AccessMode.S3_ENDPOINT, address(call.clientAddress()), context);
        return new Target(key, granted, bucketName(granted.datasetCode(), granted.versionLabel()));
    }

    /**
     * The client's address as the policy's networks judge it; null when unknown (a Unix socket, a proxy that
     * named none) or not an IP literal, which a policy with networks refuses: unknown never counts as inside.
     */
    static InetAddress address(String literal) {
        if (literal == null || !(literal.matches("[0-9.]{7,15}") || literal.indexOf(':') >= 0)) {
            // only literals: a name would be looked up in DNS
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** How a refusal of ObjectDelivery (already logged by it) answers in S3's terms. */
    static S3Refusal s3Refusal(DeliveryRefused refused) {
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

    /** {@code <dataset-code>-<version-label>}, lower case and DNS-safe (3..63 of a-z, 0-9, '-', '.'). */
    public static String bucketName(String datasetCode, String versionLabel) {
        String name = (datasetCode + "-" + versionLabel)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("\\.{2,}", ".");
        if (name.length() > 63) {
            name = name.substring(0, 63);
        }
        name = name.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
        while (name.length() < 3) {
            name = name + "0";
        }
        return name;
    }

    // --- answers and usage events ----------------------------------------------------------------------------

    private void logged(S3Call call, Target target, String operation, String objectKey, Long bytes) {
        usage.record(UsageEventDraft.builder(UsageAction.S3_REQUEST, UsageOutcome.SUCCESS, subject(target.key()))
                .organization(target.key().organizationId())
                .grant(target.key().grantId())
                .datasetVersion(target.granted().datasetVersionId())
                .objectKey(truncate(objectKey, 1024))
                .bytes(bytes)
                .clientAddress(truncate(call.clientAddress(), 64))
                .requestId(call.requestId())
                .reason("s3 " + operation)
                .build());
    }

    /**
     * A request that did not verify: counted against its source address and tallied in the usage log per minute,
     * source, reason and claimed key, attributed to nobody (a key id is no proof of who sent it).
     */
    private void refuseUnverified(
            S3Call call, S3Exchange exchange, String claimedKeyId, S3Error error, Map<String, String> extraHeaders) {
        unverified.failed(call.clientAddress());
        String subject = claimedKeyId == null ? "anonymous" : "unverified:" + truncate(claimedKeyId, 128);
        usage.tally(UsageEventDraft.builder(UsageAction.ACCESS_REFUSED, UsageOutcome.REFUSED, subject)
                .reason("s3 " + error.code().name())
                .clientAddress(truncate(call.clientAddress(), 64))
                .build());
        LOG.debugf("S3 request %s refused unverified: %s %s", call.requestId(), error.code(), error.message());
        answerError(call, exchange, error, extraHeaders);
    }

    /** A refusal of a verified request (the key's holder signed it): logged against its grant. */
    private void refuse(
            S3Call call,
            S3Exchange exchange,
            KeyResolution.Usable key,
            Target target,
            S3Error error,
            Map<String, String> extraHeaders) {
        try {
            usage.record(UsageEventDraft.builder(UsageAction.ACCESS_REFUSED, UsageOutcome.REFUSED, subject(key))
                    .organization(key.organizationId())
                    .grant(key.grantId())
                    .datasetVersion(target == null ? null : target.granted().datasetVersionId())
                    .reason("s3 " + error.code().name())
                    .clientAddress(truncate(call.clientAddress(), 64))
                    .requestId(call.requestId())
                    .build());
        } catch (RuntimeException e) {
            LOG.warnf(e, "S3 refusal %s could not be logged", call.requestId());
        }
        LOG.debugf("S3 request %s refused: %s %s", call.requestId(), error.code(), error.message());
        answerError(call, exchange, error, extraHeaders);
    }

    private void answerError(S3Call call, S3Exchange exchange, S3Error error, Map<String, String> extraHeaders) {
        Map<String, String> headers = xmlHeaders(call);
        headers.putAll(extraHeaders);
        String resource = S3Mount.PATH + call.path();
        exchange.respond(error.httpStatus(), headers, S3ErrorXml.render(error, resource, call.requestId()));
    }

    static Map<String, String> headers(S3Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-request-id", call.requestId());
        headers.put("x-amz-id-2", call.requestId());
        return headers;
    }

    private static Map<String, String> xmlHeaders(S3Call call) {
        Map<String, String> headers = headers(call);
        headers.put("Content-Type", S3Xml.CONTENT_TYPE);
        return headers;
    }

    /** The subject of an S3 request's usage events: the access key id. */
    private static String subject(KeyResolution.Usable key) {
        return key.accessKeyId();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
