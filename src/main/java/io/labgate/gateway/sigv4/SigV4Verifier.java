package io.labgate.gateway.sigv4;

import io.labgate.gateway.sigv4.SigV4Result.AuthLocation;
import io.labgate.gateway.sigv4.SigV4Result.Rejected;
import io.labgate.gateway.sigv4.SigV4Result.Verified;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies AWS Signature Version 4 on S3 requests, signed in the {@code Authorization} header or presigned in the
 * query string, for one region and the service {@code s3}. Pure and thread-safe: no I/O beyond the
 * {@link SecretLookup}, time only from the given {@link Clock}.
 *
 * <p>Checks run in this order, so a client learns nothing about a key before its request is well formed and
 * current: parse, credential scope, time, access key, signature. Signatures are compared in constant time.
 */
public final class SigV4Verifier {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String SERVICE = "s3";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);
    /** The longest lifetime of a presigned URL: seven days. */
    public static final long MAX_EXPIRES_SECONDS = 604_800;

    static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
    static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
    static final String X_AMZ_DATE = "X-Amz-Date";
    static final String X_AMZ_EXPIRES = "X-Amz-Expires";
    static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String X_AMZ_SIGNATURE = "X-Amz-Signature";
    private static final List<String> PRESIGN_PARAMETERS = List.of(
            X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, X_AMZ_DATE, X_AMZ_EXPIRES, X_AMZ_SIGNED_HEADERS, X_AMZ_SIGNATURE);

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SCOPE_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final String region;
    private final SecretLookup secrets;
    private final Clock clock;
    private final Duration maxSkew;
    private final SigningKey.Cache signingKeys = new SigningKey.Cache(1024);

    /**
     * @param region the region this endpoint signs for; credential scopes naming another region are refused
     * @param secrets finds the secret of an access key id
     * @param clock the server's clock
     * @param maxSkew how far a header-signed request's time may be from the clock, and how far in the future a
     *     presigned URL's {@code X-Amz-Date} may be
     */
    public SigV4Verifier(String region, SecretLookup secrets, Clock clock, Duration maxSkew) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region is required");
        }
        if (maxSkew == null || maxSkew.isNegative()) {
            throw new IllegalArgumentException("maxSkew must not be negative");
        }
        this.region = region;
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSkew = maxSkew;
    }

    /** A verifier on the system UTC clock with the default skew of 15 minutes. */
    public SigV4Verifier(String region, SecretLookup secrets) {
        this(region, secrets, Clock.systemUTC(), DEFAULT_MAX_SKEW);
    }

    /** Decides whether the request is correctly signed; never throws for anything the client sent. */
    public SigV4Result verify(SigV4Request request) {
        try {
            Map<String, List<String>> query = decodeQuery(request.rawQuery());
            if (SigV2Verifier.isSigV2(request, query)) {
                // what boto3 and other clients still presign with by default: accepted for reads
                return new SigV2Verifier(region, secrets, clock, maxSkew).verify(request, query);
            }
            boolean header = !request.headerValues("authorization").isEmpty();
            boolean presigned = PRESIGN_PARAMETERS.stream().anyMatch(query::containsKey);
            if (header && presigned) {
                throw reject(
                        S3ErrorCode.InvalidArgument,
                        "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query"
                                + " string parameter or the Authorization header should be specified");
            }
            if (header) {
                return verifyHeader(request);
            }
            if (presigned) {
                return verifyPresigned(request, query);
            }
            throw reject(
                    S3ErrorCode.AccessDenied,
                    "Anonymous access is not allowed: the request is not signed. LabGate accepts AWS Signature Version 4"
                            + " (Authorization header or X-Amz-* query) and, for reads, Version 2 (Authorization: AWS"
                            + " or AWSAccessKeyId/Expires/Signature query).");
        } catch (Rejection rejection) {
            return new Rejected(rejection.error);
        }
    }

    // ---- the Authorization header

    private Verified verifyHeader(SigV4Request request) {
        List<String> values = request.headerValues("authorization");
        if (values.size() != 1) {
            throw malformedHeader("the request has more than one Authorization header.");
        }
        String authorization = values.get(0).strip();
        int space = authorization.indexOf(' ');
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        if (!ALGORITHM.equals(algorithm)) {
            throw reject(
                    S3ErrorCode.InvalidArgument,
                    "Unsupported Authorization Type " + algorithm + ": LabGate accepts AWS4-HMAC-SHA256 (Signature"
                            + " Version 4) and, for reads, AWS (Signature Version 2)");
        }
        Map<String, String> components = new HashMap<>();
        for (String part : authorization.substring(space + 1).split(",", -1)) {
            String component = part.strip();
            int eq = component.indexOf('=');
            if (eq <= 0 || components.put(component.substring(0, eq), component.substring(eq + 1)) != null) {
                throw malformedHeader("the authorization header requires three components: Credential,"
                        + " SignedHeaders, and Signature.");
            }
        }
        if (components.size() != 3
                || !components.containsKey("Credential")
                || !components.containsKey("SignedHeaders")
                || !components.containsKey("Signature")) {
            throw malformedHeader(
                    "the authorization header requires three components: Credential, SignedHeaders, and Signature.");
        }

        Scope scope = Scope.parse(components.get("Credential"))
                .orElseThrow(() -> malformedHeader("the Credential is mal-formed; expecting"
                        + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."));
        checkScope(scope, S3ErrorCode.AuthorizationHeaderMalformed, "The authorization header is malformed; ");
        List<String> signedHeaders = signedHeaders(components.get("SignedHeaders"))
                .orElseThrow(() -> malformedHeader("the SignedHeaders are mal-formed; they must name host."));

        Instant signedAt = requestTime(request);
        String amzDate = AMZ_DATE.format(signedAt);
        if (!scope.date().equals(amzDate.substring(0, 8))) {
            throw malformedHeader("Invalid credential date. Date is not the same as X-Amz-Date.");
        }
        String payloadHash = payloadHash(request);
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            throw reject(
                    S3ErrorCode.RequestTimeTooSkewed,
                    "The difference between the request time and the current time is too large.");
        }

        checkSignature(request, scope, amzDate, signedHeaders, payloadHash, null, components.get("Signature"));
        return new Verified(
                scope.accessKeyId(), scope.region(), AuthLocation.HEADER, signedAt, null, signedHeaders, payloadHash);
    }

    /** {@code x-amz-date} when present, else {@code Date}. */
    private static Instant requestTime(SigV4Request request) {
        String invalid = "AWS authentication requires a valid Date or x-amz-date header";
        if (!request.headerValues("x-amz-date").isEmpty()) {
            String value =
                    request.singleHeader("x-amz-date").orElseThrow(() -> reject(S3ErrorCode.AccessDenied, invalid));
            return parseAmzDate(value.strip()).orElseThrow(() -> reject(S3ErrorCode.AccessDenied, invalid));
        }
        String date = request.singleHeader("date").orElseThrow(() -> reject(S3ErrorCode.AccessDenied, invalid));
        try {
            return ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw reject(S3ErrorCode.AccessDenied, invalid);
        }
    }

    private static String payloadHash(SigV4Request request) {
        List<String> values = request.headerValues("x-amz-content-sha256");
        if (values.isEmpty()) {
            throw reject(
                    S3ErrorCode.MissingSecurityHeader,
                    "Your request was missing a required header: x-amz-content-sha256");
        }
        String hash = values.size() == 1 ? values.get(0).strip() : "";
        if (hash.startsWith("STREAMING-")) {
            throw reject(
                    S3ErrorCode.NotImplemented,
                    "A header you provided implies functionality that is not implemented: x-amz-content-sha256 " + hash
                            + " (streaming uploads; this endpoint is read-only)");
        }
        if (!hash.equals(UNSIGNED_PAYLOAD) && !Hex.isSha256(hash)) {
            throw reject(
                    S3ErrorCode.InvalidArgument,
                    "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER,"
                            + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD or a valid sha256 value.");
        }
        return hash;
    }

    // ---- presigned query strings

    private Verified verifyPresigned(SigV4Request request, Map<String, List<String>> query) {
        Map<String, String> params = new HashMap<>();
        for (String name : PRESIGN_PARAMETERS) {
            List<String> values = query.get(name);
            if (values == null) {
                throw queryError("Query-string authentication version 4 requires the X-Amz-Algorithm,"
                        + " X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires"
                        + " parameters.");
            }
            if (values.size() != 1) {
                throw queryError("The query parameter " + name + " is given more than once.");
            }
            params.put(name, values.get(0));
        }
        if (!ALGORITHM.equals(params.get(X_AMZ_ALGORITHM))) {
            throw queryError("X-Amz-Algorithm only supports \"" + ALGORITHM + "\"");
        }
        Scope scope = Scope.parse(params.get(X_AMZ_CREDENTIAL))
                .orElseThrow(() -> queryError("Error parsing the X-Amz-Credential parameter; the Credential is"
                        + " mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."));
        checkScope(
                scope, S3ErrorCode.AuthorizationQueryParametersError, "Error parsing the X-Amz-Credential parameter; ");
        String amzDate = params.get(X_AMZ_DATE);
        Instant signedAt = parseAmzDate(amzDate)
                .orElseThrow(() ->
                        queryError("X-Amz-Date must be in the ISO8601 Long Format" + " \"yyyyMMdd'T'HHmmss'Z'\""));
        if (!scope.date().equals(amzDate.substring(0, 8))) {
            throw queryError("Error parsing the X-Amz-Credential parameter; Invalid credential date \"" + scope.date()
                    + "\". This date is not the same as X-Amz-Date: \"" + amzDate.substring(0, 8) + "\".");
        }
        long expires = expiresSeconds(params.get(X_AMZ_EXPIRES));
        List<String> signedHeaders = signedHeaders(params.get(X_AMZ_SIGNED_HEADERS))
                .orElseThrow(() -> queryError("X-Amz-SignedHeaders is mal-formed; it must name host."));

        Instant now = clock.instant();
        Instant expiresAt = signedAt.plusSeconds(expires);
        if (now.isAfter(expiresAt)) {
            throw reject(S3ErrorCode.AccessDenied, "Request has expired");
        }
        if (signedAt.isAfter(now.plus(maxSkew))) {
            throw reject(S3ErrorCode.AccessDenied, "Request is not valid yet");
        }

        checkSignature(
                request, scope, amzDate, signedHeaders, UNSIGNED_PAYLOAD, X_AMZ_SIGNATURE, params.get(X_AMZ_SIGNATURE));
        return new Verified(
                scope.accessKeyId(),
                scope.region(),
                AuthLocation.QUERY,
                signedAt,
                expiresAt,
                signedHeaders,
                UNSIGNED_PAYLOAD);
    }

    private static long expiresSeconds(String value) {
        long expires;
        try {
            expires = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw queryError("X-Amz-Expires should be a number");
        }
        if (expires < 1) {
            throw queryError("X-Amz-Expires must be at least 1 second");
        }
        if (expires > MAX_EXPIRES_SECONDS) {
            throw queryError("X-Amz-Expires must be less than a week (in seconds) that is; the maximum expires is"
                    + " 604800 seconds");
        }
        return expires;
    }

    // ---- shared steps

    private void checkScope(Scope scope, S3ErrorCode code, String prefix) {
        if (!region.equals(scope.region()) && !isLegacyUsStandard(scope.region())) {
            throw reject(code, prefix + "the region '" + scope.region() + "' is wrong; expecting '" + region + "'");
        }
        if (!SERVICE.equals(scope.service())) {
            throw reject(
                    code,
                    prefix + "incorrect service '" + scope.service() + "'. This endpoint belongs to '" + SERVICE
                            + "'.");
        }
        if (!SigningKey.TERMINATOR.equals(scope.terminator())) {
            throw reject(
                    code,
                    prefix + "incorrect terminal '" + scope.terminator() + "'. This endpoint uses '"
                            + SigningKey.TERMINATOR + "'.");
        }
        if (parseScopeDate(scope.date()).isEmpty()) {
            throw reject(
                    code,
                    prefix + "incorrect date format '" + scope.date()
                            + "'. This date in the credential must be in the format \"yyyyMMdd\".");
        }
    }

    private void checkSignature(
            SigV4Request request,
            Scope scope,
            String amzDate,
            List<String> signedHeaders,
            String payloadHash,
            String excludedQueryParameter,
            String signature) {
        String secret = secrets.secretFor(scope.accessKeyId())
                .orElseThrow(() -> reject(
                        S3ErrorCode.InvalidAccessKeyId,
                        "The AWS Access Key Id you provided does not exist in our records."));
        CanonicalRequest canonical;
        try {
            canonical = CanonicalRequest.of(request, signedHeaders, payloadHash, excludedQueryParameter);
        } catch (IllegalArgumentException e) {
            throw reject(S3ErrorCode.InvalidURI, "Couldn't parse the specified URI.");
        }
        String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + scope.credentialScope() + '\n' + canonical.hash();
        LocalDate day = parseScopeDate(scope.date()).orElseThrow();
        String expected = signingKeys
                .get(scope.accessKeyId(), secret, day, scope.region(), SERVICE)
                .signatureOf(stringToSign);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8))) {
            throw reject(
                    S3ErrorCode.SignatureDoesNotMatch,
                    "The request signature we calculated does not match the"
                            + " signature you provided. Check your key and signing method.");
        }
    }

    /** The signed header names, lower-cased and sorted; empty when malformed or when {@code host} is not signed. */
    /**
     * S3's legacy location constraint "US" names us-east-1: s3cmd signs ListBuckets with it by default
     * ({@code bucket_location = US}), and S3 accepts it. The signature is still checked with the region signed.
     */
    private boolean isLegacyUsStandard(String scopeRegion) {
        return region.equals("us-east-1") && scopeRegion.equals("US");
    }

    private static Optional<List<String>> signedHeaders(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        for (String name : value.split(";", -1)) {
            if (name.isEmpty() || !name.strip().equals(name) || !names.add(name.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
        }
        if (!names.contains("host")) {
            return Optional.empty();
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return Optional.of(List.copyOf(sorted));
    }

    private static Optional<Instant> parseAmzDate(String value) {
        try {
            return Optional.of(Instant.from(AMZ_DATE.parse(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseScopeDate(String value) {
        if (value.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, SCOPE_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> query = new HashMap<>();
        if (rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = UriEncoding.decodeQueryComponent(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : UriEncoding.decodeQueryComponent(pair.substring(eq + 1));
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw reject(S3ErrorCode.InvalidURI, "Couldn't parse the specified URI.");
            }
        }
        return query;
    }

    private static Rejection reject(S3ErrorCode code, String message) {
        return new Rejection(new S3Error(code, message));
    }

    private static Rejection malformedHeader(String detail) {
        return reject(S3ErrorCode.AuthorizationHeaderMalformed, "The authorization header is malformed; " + detail);
    }

    private static Rejection queryError(String message) {
        return reject(S3ErrorCode.AuthorizationQueryParametersError, message);
    }

    /** {@code AKID/yyyyMMdd/region/service/aws4_request}, split. */
    private record Scope(String accessKeyId, String date, String region, String service, String terminator) {

        static Optional<Scope> parse(String credential) {
            String[] parts = credential.split("/", -1);
            if (parts.length != 5 || parts[0].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Scope(parts[0], parts[1], parts[2], parts[3], parts[4]));
        }

        String credentialScope() {
            return date + '/' + region + '/' + service + '/' + terminator;
        }
    }

    /** Control flow inside {@link #verify}: carries the answer, no stack trace. */
    private static final class Rejection extends RuntimeException {

        private final transient S3Error error;

        Rejection(S3Error error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
