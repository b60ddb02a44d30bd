package io.labgate.gateway.sigv4;

import io.labgate.gateway.sigv4.SigV4Result.AuthLocation;
import io.labgate.gateway.sigv4.SigV4Result.Rejected;
import io.labgate.gateway.sigv4.SigV4Result.Verified;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 2, for reads only: widely used clients still presign with it by default (boto3's
 * {@code generate_presigned_url} without {@code signature_version='s3v4'}). Both forms: the header
 * {@code Authorization: AWS <key>:<signature>} and the query {@code AWSAccessKeyId}, {@code Expires},
 * {@code Signature}. The string to sign is AWS's ("Signing and authenticating REST requests"): method, Content-MD5,
 * Content-Type, the date (or {@code Expires}), the {@code x-amz-*} headers and the canonical resource (the raw
 * path as sent and the sub-resources of interest, sorted, values decoded); the signature is the base64 of its
 * HMAC-SHA1 under the secret. A presigned URL lives at most as long as a SigV4 one (7 days).
 */
public final class SigV2Verifier {

    /** The query parameters of a SigV2 presigned URL. */
    public static final List<String> QUERY_PARAMETERS = List.of("AWSAccessKeyId", "Expires", "Signature");

    /** The sub-resources and response overrides that belong to the canonical resource, as AWS lists them. */
    static final Set<String> SUB_RESOURCES = Set.of(
            "acl",
            "delete",
            "lifecycle",
            "location",
            "logging",
            "notification",
            "partNumber",
            "policy",
            "requestPayment",
            "response-cache-control",
            "response-content-disposition",
            "response-content-encoding",
            "response-content-language",
            "response-content-type",
            "response-expires",
            "tagging",
            "torrent",
            "uploadId",
            "uploads",
            "versionId",
            "versioning",
            "versions",
            "website");

    private final String region;
    private final SecretLookup secrets;
    private final Clock clock;
    private final Duration maxSkew;

    public SigV2Verifier(String region, SecretLookup secrets, Clock clock, Duration maxSkew) {
        this.region = region;
        this.secrets = secrets;
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /** Whether the request carries a SigV2 signature (header or query): then this verifier decides it. */
    public static boolean isSigV2(SigV4Request request, Map<String, List<String>> query) {
        boolean header = request.headerValues("authorization").stream()
                .anyMatch(a -> a.strip().startsWith("AWS ") && !a.strip().startsWith("AWS4-"));
        return header || query.containsKey("AWSAccessKeyId") || query.containsKey("Signature");
    }

    public SigV4Result verify(SigV4Request request, Map<String, List<String>> query) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return rejected(
                    S3ErrorCode.AccessDenied,
                    "Signature Version 2 is accepted for GET and HEAD only; sign other requests with Signature Version 4");
        }
        boolean header = !request.headerValues("authorization").isEmpty();
        return header ? verifyHeader(request) : verifyQuery(request, query);
    }

    private SigV4Result verifyHeader(SigV4Request request) {
        String authorization = request.singleHeader("authorization").orElse("").strip();
        int colon = authorization.lastIndexOf(':');
        if (!authorization.startsWith("AWS ") || colon <= 4) {
            return rejected(
                    S3ErrorCode.AuthorizationHeaderMalformed,
                    "a Signature Version 2 header is \"AWS <access key id>:<signature>\"");
        }
        String accessKeyId = authorization.substring(4, colon).strip();
        String signature = authorization.substring(colon + 1).strip();
        Optional<String> amzDate = request.singleHeader("x-amz-date");
        Optional<Instant> signedAt = date(amzDate.isPresent() ? amzDate : request.singleHeader("date"));
        if (signedAt.isEmpty()) {
            return rejected(S3ErrorCode.AccessDenied, "AWS authentication requires a valid Date or x-amz-date header");
        }
        if (Duration.between(signedAt.get(), clock.instant()).abs().compareTo(maxSkew) > 0) {
            return rejected(
                    S3ErrorCode.RequestTimeTooSkewed,
                    "The difference between the request time and the current time is too large.");
        }
        // with x-amz-date, the Date line of the string to sign is empty (it is signed among the x-amz-* headers)
        String dateLine =
                amzDate.isPresent() ? "" : request.singleHeader("date").orElse("");
        return check(request, accessKeyId, signature, dateLine, AuthLocation.HEADER, signedAt.get(), null);
    }

    private SigV4Result verifyQuery(SigV4Request request, Map<String, List<String>> query) {
        String accessKeyId = first(query, "AWSAccessKeyId");
        String signature = first(query, "Signature");
        String expires = first(query, "Expires");
        if (accessKeyId == null || signature == null || expires == null) {
            return rejected(
                    S3ErrorCode.AccessDenied,
                    "a Signature Version 2 presigned URL needs AWSAccessKeyId, Expires and Signature");
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return rejected(S3ErrorCode.AccessDenied, "Expires is not a number of seconds since the epoch");
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() > expiresAt) {
            return rejected(S3ErrorCode.AccessDenied, "Request has expired");
        }
        if (expiresAt - now.getEpochSecond() > SigV4Verifier.MAX_EXPIRES_SECONDS) {
            return rejected(
                    S3ErrorCode.AccessDenied,
                    "a presigned URL may live at most " + SigV4Verifier.MAX_EXPIRES_SECONDS + " seconds (7 days)");
        }
        return check(
                request, accessKeyId, signature, expires, AuthLocation.QUERY, now, Instant.ofEpochSecond(expiresAt));
    }

    private SigV4Result check(
            SigV4Request request,
            String accessKeyId,
            String signature,
            String dateLine,
            AuthLocation location,
            Instant signedAt,
            Instant expiresAt) {
        Optional<String> secret = secrets.secretFor(accessKeyId);
        if (secret.isEmpty()) {
            return rejected(
                    S3ErrorCode.InvalidAccessKeyId,
                    "The AWS Access Key Id you provided does not exist in our records.");
        }
        String expected = sign(secret.get(), stringToSign(request, dateLine));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return rejected(
                    S3ErrorCode.SignatureDoesNotMatch,
                    "The request signature we calculated does not match the signature you provided (Signature"
                            + " Version 2). Check your key and signing method.");
        }
        return new Verified(
                accessKeyId, region, location, signedAt, expiresAt, List.of(), SigV4Verifier.UNSIGNED_PAYLOAD);
    }

    /** AWS's string to sign for Signature Version 2. */
    static String stringToSign(SigV4Request request, String dateLine) {
        StringBuilder text = new StringBuilder()
                .append(request.method())
                .append('\n')
                .append(request.singleHeader("content-md5").orElse(""))
                .append('\n')
                .append(request.singleHeader("content-type").orElse(""))
                .append('\n')
                .append(dateLine)
                .append('\n');
        TreeMap<String, List<String>> amz = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-")) {
                amz.computeIfAbsent(lower, n -> new ArrayList<>())
                        .addAll(values.stream().map(String::strip).toList());
            }
        });
        amz.forEach((name, values) ->
                text.append(name).append(':').append(String.join(",", values)).append('\n'));
        return text.append(canonicalResource(request)).toString();
    }

    /**
     * The raw path as sent (after {@code /<bucket>} when the host named the bucket), then the sub-resources of
     * interest, sorted by name, with decoded values.
     */
    static String canonicalResource(SigV4Request request) {
        TreeMap<String, String> subResources = new TreeMap<>();
        String rawQuery = request.rawQuery();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = UriEncoding.decodeQueryComponent(eq < 0 ? pair : pair.substring(0, eq));
                if (SUB_RESOURCES.contains(name)) {
                    subResources.put(name, eq < 0 ? null : UriEncoding.decodeQueryComponent(pair.substring(eq + 1)));
                }
            }
        }
        StringBuilder resource = new StringBuilder();
        if (request.virtualHostBucket() != null) {
            resource.append('/').append(request.virtualHostBucket());
        }
        resource.append(request.rawPath());
        String separator = "?";
        for (Map.Entry<String, String> sub : subResources.entrySet()) {
            resource.append(separator).append(sub.getKey());
            if (sub.getValue() != null) {
                resource.append('=').append(sub.getValue());
            }
            separator = "&";
        }
        return resource.toString();
    }

    static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA1", e);
        }
    }

    private static Optional<Instant> date(Optional<String> value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        for (DateTimeFormatter format : List.of(
                DateTimeFormatter.RFC_1123_DATE_TIME,
                DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC))) {
            try {
                return Optional.of(ZonedDateTime.parse(text, format).toInstant());
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static SigV4Result rejected(S3ErrorCode code, String message) {
        return new Rejected(new S3Error(code, message));
    }
}
