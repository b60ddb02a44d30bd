package io.labgate.gateway.sigv4;

import static io.labgate.gateway.sigv4.S3ErrorCode.AuthorizationHeaderMalformed;
import static io.labgate.gateway.sigv4.S3ErrorCode.AuthorizationQueryParametersError;
import static io.labgate.gateway.sigv4.S3ErrorCode.SignatureDoesNotMatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.gateway.sigv4.SigV4Result.Rejected;
import io.labgate.gateway.sigv4.SigV4Result.Verified;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The verifier against requests signed by the AWS SDK for Java v2: its generic SigV4 signer (with a fixed clock),
 * its S3 client (requests captured before they would leave) and its S3 presigner.
 */
class SigV4VerifierTest {

    static final String AKID = "AKIALABGATE00000001";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String REGION = "us-east-1";
    static final String HOST = "s3.labgate.test";
    static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");
    static final String BUCKET = "lab-data";

    final SecretLookup secrets = id -> AKID.equals(id) ? Optional.of(SECRET) : Optional.empty();
    final SigV4Verifier verifier =
            new SigV4Verifier(REGION, secrets, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15));

    // ---- signing with the SDK

    /** A GET as an S3 client builds it: the key's path encoded once by the SDK's own S3 rules. */
    static SdkHttpRequest.Builder get(String key) {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(HOST)
                .encodedPath("/" + BUCKET + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key));
    }

    static SdkHttpRequest.Builder listObjects() {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(HOST)
                .encodedPath("/" + BUCKET);
    }

    record Signing(String accessKeyId, String secret, String region, String service, Instant at) {

        static Signing standard() {
            return new Signing(AKID, SECRET, REGION, "s3", NOW);
        }

        Signing at(Instant time) {
            return new Signing(accessKeyId, secret, region, service, time);
        }

        Signing secret(String other) {
            return new Signing(accessKeyId, other, region, service, at);
        }

        Signing accessKeyId(String other) {
            return new Signing(other, secret, region, service, at);
        }

        Signing region(String other) {
            return new Signing(accessKeyId, secret, other, service, at);
        }

        Signing service(String other) {
            return new Signing(accessKeyId, secret, region, other, at);
        }
    }

    /** Signs in the Authorization header, with {@code x-amz-content-sha256} as an S3 client sends it. */
    static SdkHttpRequest signHeader(SdkHttpRequest.Builder request, Signing signing) {
        SdkHttpRequest unsigned =
                request.putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD").build();
        return AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(signing.accessKeyId(), signing.secret()))
                        .request(unsigned)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signing.at(), ZoneOffset.UTC)))
                .request();
    }

    static SdkHttpRequest signHeader(SdkHttpRequest.Builder request) {
        return signHeader(request, Signing.standard());
    }

    /** Presigns in the query string. */
    static SdkHttpRequest presign(SdkHttpRequest.Builder request, Signing signing, Duration expiration) {
        SdkHttpRequest unsigned = request.build();
        return AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(signing.accessKeyId(), signing.secret()))
                        .request(unsigned)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiration)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signing.at(), ZoneOffset.UTC)))
                .request();
    }

    /** The request as the endpoint receives it: raw path, raw query and the headers, {@code Host} included. */
    static SigV4Request received(SdkHttpRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        if (headers.keySet().stream().noneMatch("host"::equalsIgnoreCase)) {
            headers.put("Host", List.of(request.host()));
        }
        return new SigV4Request(
                request.method().name(),
                request.encodedPath(),
                request.encodedQueryParameters().orElse(null),
                headers);
    }

    static SigV4Request withHeader(SigV4Request request, String name, String... values) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.keySet().removeIf(name::equalsIgnoreCase);
        if (values.length > 0) {
            headers.put(name, List.of(values));
        }
        return new SigV4Request(request.method(), request.rawPath(), request.rawQuery(), headers);
    }

    static SigV4Request withPath(SigV4Request request, String rawPath) {
        return new SigV4Request(request.method(), rawPath, request.rawQuery(), request.headers());
    }

    static SigV4Request withQuery(SigV4Request request, String rawQuery) {
        return new SigV4Request(request.method(), request.rawPath(), rawQuery, request.headers());
    }

    static SigV4Request withAuthorization(SigV4Request request, UnaryOperator<String> change) {
        return withHeader(
                request,
                "Authorization",
                change.apply(request.headerValues("Authorization").get(0)));
    }

    static SigV4Request withQueryParameter(SigV4Request request, String name, String value) {
        List<String> pairs = new ArrayList<>();
        for (String pair : request.rawQuery().split("&")) {
            pairs.add(pair.startsWith(name + "=") ? name + "=" + value : pair);
        }
        return withQuery(request, String.join("&", pairs));
    }

    static String upperCaseSignature(String authorization) {
        int at = authorization.indexOf("Signature=") + "Signature=".length();
        String upper =
                authorization.substring(0, at) + authorization.substring(at).toUpperCase(Locale.ROOT);
        assertThat(upper).isNotEqualTo(authorization);
        return upper;
    }

    static Verified assertVerified(SigV4Result result) {
        assertThat(result).isInstanceOf(Verified.class);
        return (Verified) result;
    }

    static S3Error assertRejected(SigV4Result result, S3ErrorCode code) {
        assertThat(result)
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo(code));
        return ((Rejected) result).error();
    }

    // ---- header-signed requests

    @Nested
    class HeaderSigned {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "데이터/파일 1.csv",
                    "plain.csv",
                    "with space and+plus=equals&amp~tilde.txt",
                    "100% real/50%25 off.bin",
                    "quote's (1)!*$@,;:.txt",
                    "emoji 😀/ünïcödé.json",
                    "dir//double/./dot/../x",
                    "trailing/",
                })
        void getObjectWithAnyKeyVerifies(String key) {
            Verified verified = assertVerified(verifier.verify(received(signHeader(get(key)))));

            assertThat(verified.accessKeyId()).isEqualTo(AKID);
            assertThat(verified.region()).isEqualTo(REGION);
            assertThat(verified.authLocation()).isEqualTo(SigV4Result.AuthLocation.HEADER);
            assertThat(verified.signedAt()).isEqualTo(NOW);
            assertThat(verified.expiresAt()).isNull();
            assertThat(verified.payloadHash()).isEqualTo("UNSIGNED-PAYLOAD");
            assertThat(verified.signedHeaders()).contains("host", "x-amz-date", "x-amz-content-sha256");
        }

        @Test
        void pathSpelledDifferentlyButEquallyVerifies() {
            SigV4Request request = received(signHeader(get("데이터/a~b.csv")));
            // lower-case hex digits and an escaped unreserved character: the same bytes, so the same signature
            String lowerHexAndEscapedTilde =
                    request.rawPath().toLowerCase(Locale.ROOT).replace("a~b", "a%7eb");
            assertThat(lowerHexAndEscapedTilde).isNotEqualTo(request.rawPath());

            assertVerified(verifier.verify(withPath(request, lowerHexAndEscapedTilde)));
        }

        @Test
        void rangeHeaderIsSignedAndVerifies() {
            SigV4Request request = received(signHeader(get("데이터/파일 1.csv").putHeader("Range", "bytes=0-1023")));

            Verified verified = assertVerified(verifier.verify(request));

            assertThat(verified.signs("Range")).isTrue();
        }

        @Test
        void headerValuesAreTrimmedAndInnerSpacesCollapsed() {
            SigV4Request request = received(signHeader(get("a.csv").putHeader("X-Amz-Meta-Note", "  two   words  ")));

            assertVerified(verifier.verify(withHeader(request, "x-amz-meta-note", "two words")));
            assertVerified(verifier.verify(withHeader(request, "X-AMZ-META-NOTE", "\ttwo \t words ")));
        }

        @Test
        void listObjectsV2WithQueryParametersVerifies() {
            SdkHttpRequest signed = signHeader(listObjects()
                    .putRawQueryParameter("list-type", "2")
                    .putRawQueryParameter("prefix", "데이터/파일 1")
                    .putRawQueryParameter("delimiter", "/")
                    .putRawQueryParameter("continuation-token", "1/a+b==~c")
                    .putRawQueryParameter("max-keys", "50")
                    .putRawQueryParameter("encoding-type", "url"));

            assertVerified(verifier.verify(received(signed)));
        }

        @Test
        void queryParametersVerifyInAnyOrder() {
            SigV4Request request = received(signHeader(listObjects()
                    .putRawQueryParameter("max-keys", "50")
                    .putRawQueryParameter("delimiter", "/")
                    .putRawQueryParameter("prefix", "a b+c")
                    .putRawQueryParameter("list-type", "2")
                    .putRawQueryParameter("continuation-token", "x=y&z")));
            List<String> pairs = new ArrayList<>(List.of(request.rawQuery().split("&")));

            for (int rotation = 0; rotation < pairs.size(); rotation++) {
                Collections.rotate(pairs, 1);
                assertVerified(verifier.verify(withQuery(request, String.join("&", pairs))));
                List<String> reversed = new ArrayList<>(pairs);
                Collections.reverse(reversed);
                assertVerified(verifier.verify(withQuery(request, String.join("&", reversed))));
            }
        }

        @Test
        void subresourceWithoutValueVerifies() {
            SdkHttpRequest signed = signHeader(listObjects().putRawQueryParameter("location", (String) null));

            assertVerified(verifier.verify(received(signed)));
        }

        @Test
        void timeWithinTheSkewVerifies() {
            assertVerified(verifier.verify(
                    received(signHeader(get("a"), Signing.standard().at(NOW.minusSeconds(14 * 60))))));
            assertVerified(verifier.verify(
                    received(signHeader(get("a"), Signing.standard().at(NOW.plusSeconds(14 * 60))))));
        }

        @ParameterizedTest
        @ValueSource(longs = {-20, 20})
        void timeBeyondTheSkewIsRequestTimeTooSkewed(long minutes) {
            // on the same UTC day as NOW, so only the skew is wrong
            SdkHttpRequest signed = signHeader(get("a"), Signing.standard().at(NOW.plus(Duration.ofMinutes(minutes))));

            assertRejected(verifier.verify(received(signed)), S3ErrorCode.RequestTimeTooSkewed);
        }

        @Test
        void skewIsConfigurable() {
            SigV4Verifier strict =
                    new SigV4Verifier(REGION, secrets, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1));
            SdkHttpRequest signed = signHeader(get("a"), Signing.standard().at(NOW.minusSeconds(120)));

            assertRejected(strict.verify(received(signed)), S3ErrorCode.RequestTimeTooSkewed);
            assertVerified(verifier.verify(received(signed)));
        }
    }

    @Nested
    class HeaderSignedRefused {

        @Test
        void wrongSecretIsSignatureDoesNotMatch() {
            SdkHttpRequest signed = signHeader(get("a.csv"), Signing.standard().secret("not-the-secret"));

            assertRejected(verifier.verify(received(signed)), SignatureDoesNotMatch);
        }

        @Test
        void unknownAccessKeyIsInvalidAccessKeyId() {
            SdkHttpRequest signed = signHeader(get("a.csv"), Signing.standard().accessKeyId("AKIAUNKNOWN000000000"));

            assertRejected(verifier.verify(received(signed)), S3ErrorCode.InvalidAccessKeyId);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/lab-data/b.csv",
                    "/lab-data/a.csv/",
                    "/lab-data//a.csv",
                    "/other/a.csv",
                    "/lab-data/a%2Ecsv2",
                    "/lab-data/A.csv",
                })
        void tamperedPathIsSignatureDoesNotMatch(String path) {
            SigV4Request request = received(signHeader(get("a.csv")));

            assertRejected(verifier.verify(withPath(request, path)), SignatureDoesNotMatch);
        }

        @Test
        void plusInThePathIsNotASpace() {
            SigV4Request request = received(signHeader(get("a b.csv")));

            assertRejected(verifier.verify(withPath(request, "/lab-data/a+b.csv")), SignatureDoesNotMatch);
        }

        @Test
        void tamperedQueryIsSignatureDoesNotMatch() {
            SigV4Request request = received(signHeader(
                    listObjects().putRawQueryParameter("list-type", "2").putRawQueryParameter("prefix", "team-a/")));

            assertRejected(verifier.verify(withQueryParameter(request, "prefix", "team-b/")), SignatureDoesNotMatch);
            assertRejected(
                    verifier.verify(withQuery(request, request.rawQuery() + "&max-keys=1")), SignatureDoesNotMatch);
            assertRejected(verifier.verify(withQuery(request, "list-type=2")), SignatureDoesNotMatch);
        }

        @Test
        void tamperedSignedHeaderIsSignatureDoesNotMatch() {
            SigV4Request request = received(signHeader(get("a.csv").putHeader("Range", "bytes=0-1023")));

            assertRejected(verifier.verify(withHeader(request, "Range", "bytes=0-")), SignatureDoesNotMatch);
            assertRejected(verifier.verify(withHeader(request, "Host", "evil.example")), SignatureDoesNotMatch);
            assertRejected(
                    verifier.verify(withHeader(request, "Range", "bytes=0-1023", "bytes=5-6")), SignatureDoesNotMatch);
        }

        @Test
        void otherMethodIsSignatureDoesNotMatch() {
            SigV4Request request = received(signHeader(get("a.csv")));

            SigV4Request delete = new SigV4Request("DELETE", request.rawPath(), request.rawQuery(), request.headers());
            assertRejected(verifier.verify(delete), SignatureDoesNotMatch);
        }

        @Test
        void tamperedSignatureIsSignatureDoesNotMatch() {
            SigV4Request request = received(signHeader(get("a.csv")));

            assertRejected(
                    verifier.verify(withAuthorization(
                            request, a -> a.replaceAll("Signature=.*", "Signature=" + "0".repeat(64)))),
                    SignatureDoesNotMatch);
            assertRejected(
                    verifier.verify(withAuthorization(request, SigV4VerifierTest::upperCaseSignature)),
                    SignatureDoesNotMatch);
            assertRejected(
                    verifier.verify(withAuthorization(request, String::toUpperCase)), AuthorizationHeaderMalformed);
            assertRejected(
                    verifier.verify(withAuthorization(request, a -> a.substring(0, a.length() - 1))),
                    SignatureDoesNotMatch);
        }

        @Test
        void wrongRegionIsAuthorizationHeaderMalformed() {
            SdkHttpRequest signed = signHeader(get("a.csv"), Signing.standard().region("eu-central-1"));

            S3Error error = assertRejected(verifier.verify(received(signed)), AuthorizationHeaderMalformed);
            assertThat(error.message()).contains("the region 'eu-central-1' is wrong; expecting 'us-east-1'");
        }

        @Test
        void theLegacyRegionUsNamesUsEast1AsS3cmdSignsByDefault() {
            SdkHttpRequest signed = signHeader(get("a.csv"), Signing.standard().region("US"));

            assertThat(verifier.verify(received(signed))).isInstanceOf(SigV4Result.Verified.class);
            // still signed with what it says: another secret does not verify
            SdkHttpRequest wrongSecret =
                    signHeader(get("a.csv"), Signing.standard().region("US").secret("not-the-secret-0000000000"));
            assertRejected(verifier.verify(received(wrongSecret)), SignatureDoesNotMatch);
        }

        @Test
        void wrongServiceIsAuthorizationHeaderMalformed() {
            SdkHttpRequest signed = signHeader(get("a.csv"), Signing.standard().service("s3-object-lambda"));

            assertRejected(verifier.verify(received(signed)), AuthorizationHeaderMalformed);
        }

        @Test
        void scopeDateOtherThanTheRequestDayIsAuthorizationHeaderMalformed() {
            SigV4Request request = received(signHeader(get("a.csv")));

            SigV4Request yesterday = withAuthorization(request, a -> a.replace("/20260314/", "/20260313/"));
            assertRejected(verifier.verify(yesterday), AuthorizationHeaderMalformed);
        }

        @Test
        void wrongTerminalIsAuthorizationHeaderMalformed() {
            SigV4Request request = received(signHeader(get("a.csv")));

            assertRejected(
                    verifier.verify(withAuthorization(request, a -> a.replace("/aws4_request", "/aws5_request"))),
                    AuthorizationHeaderMalformed);
        }

        @Test
        void signedHeadersWithoutHostIsAuthorizationHeaderMalformed() {
            SigV4Request request = received(signHeader(get("a.csv")));

            SigV4Request noHost = withAuthorization(request, a -> a.replace("SignedHeaders=host;", "SignedHeaders="));
            assertThat(noHost.headerValues("authorization").get(0)).doesNotContain("host");
            assertRejected(verifier.verify(noHost), AuthorizationHeaderMalformed);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "AWS4-HMAC-SHA256 Credential=AKIALABGATE00000001/20260314/us-east-1/s3/aws4_request",
                    "AWS4-HMAC-SHA256 Credential=AKIALABGATE00000001/20260314/us-east-1/s3, SignedHeaders=host, Signature=00",
                    "AWS4-HMAC-SHA256 Credential=a, Credential=b, SignedHeaders=host, Signature=00",
                    "AWS4-HMAC-SHA256 Credential=AKIALABGATE00000001/2026-03-14/us-east-1/s3/aws4_request, SignedHeaders=host,"
                            + " Signature=00",
                    "AWS4-HMAC-SHA256 Credential=AKIALABGATE00000001/20260314/us-east-1/s3/aws4_request, SignedHeaders=host;;x,"
                            + " Signature=00",
                    "AWS4-HMAC-SHA256",
                })
        void malformedAuthorizationIsAuthorizationHeaderMalformed(String authorization) {
            SigV4Request request = withHeader(received(signHeader(get("a.csv"))), "authorization", authorization);

            assertRejected(verifier.verify(request), AuthorizationHeaderMalformed);
        }

        @ParameterizedTest
        @ValueSource(strings = {"AWS4-ECDSA-P256-SHA256 Credential=x", "Bearer x"})
        void otherAuthorizationSchemesAreInvalidArgument(String authorization) {
            SigV4Request request = withHeader(received(signHeader(get("a.csv"))), "authorization", authorization);

            assertRejected(verifier.verify(request), S3ErrorCode.InvalidArgument);
        }

        @Test
        void aSignatureVersionTwoHeaderIsCheckedAsVersionTwo() {
            SigV4Request request = withHeader(
                    received(signHeader(get("a.csv"))), "authorization", "AWS AKIALABGATE00000001:c2lnbmF0dXJl");

            assertRejected(verifier.verify(request), S3ErrorCode.SignatureDoesNotMatch);
        }

        @Test
        void missingPayloadHashIsMissingSecurityHeader() {
            SigV4Request request = received(signHeader(get("a.csv")));

            assertRejected(
                    verifier.verify(withHeader(request, "x-amz-content-sha256")), S3ErrorCode.MissingSecurityHeader);
        }

        @Test
        void streamingPayloadIsRefused() {
            SigV4Request request = received(signHeader(get("a.csv")));

            SigV4Request streaming = withHeader(request, "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
            assertRejected(verifier.verify(streaming), S3ErrorCode.NotImplemented);
            assertRejected(
                    verifier.verify(withHeader(request, "x-amz-content-sha256", "not-a-hash")),
                    S3ErrorCode.InvalidArgument);
        }

        @Test
        void missingOrInvalidDateIsAccessDenied() {
            SigV4Request request = received(signHeader(get("a.csv")));

            assertRejected(verifier.verify(withHeader(request, "x-amz-date")), S3ErrorCode.AccessDenied);
            assertRejected(
                    verifier.verify(withHeader(request, "x-amz-date", "2026-03-14T09:26:53Z")),
                    S3ErrorCode.AccessDenied);
            assertRejected(
                    verifier.verify(withHeader(request, "x-amz-date", "20260230T092653Z")), S3ErrorCode.AccessDenied);
        }

        @Test
        void bothMechanismsAtOnceAreInvalidArgument() {
            SigV4Request presigned = received(presign(get("a.csv"), Signing.standard(), Duration.ofMinutes(5)));
            SigV4Request header = received(signHeader(get("a.csv")));

            SigV4Request both = withQuery(header, presigned.rawQuery());
            assertRejected(verifier.verify(both), S3ErrorCode.InvalidArgument);
        }

        @Test
        void unsignedRequestIsAccessDenied() {
            SigV4Request anonymous = new SigV4Request("GET", "/lab-data/a.csv", null, Map.of("Host", List.of(HOST)));

            assertRejected(verifier.verify(anonymous), S3ErrorCode.AccessDenied);
        }

        @Test
        void brokenPercentEscapeIsInvalidUri() {
            SigV4Request request = received(signHeader(get("a.csv")));

            assertRejected(verifier.verify(withPath(request, "/lab-data/a%zz")), S3ErrorCode.InvalidURI);
            assertRejected(verifier.verify(withQuery(request, "prefix=%")), S3ErrorCode.InvalidURI);
        }

        @Test
        void rotatedSecretStopsTheOldOneAtOnce() {
            AtomicReference<String> current = new AtomicReference<>(SECRET);
            SigV4Verifier rotating = new SigV4Verifier(
                    REGION, id -> Optional.of(current.get()), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15));
            SigV4Request oldSigned = received(signHeader(get("a.csv")));
            assertVerified(rotating.verify(oldSigned));

            current.set("the-rotated-secret");

            assertRejected(rotating.verify(oldSigned), SignatureDoesNotMatch);
            assertVerified(rotating.verify(
                    received(signHeader(get("a.csv"), Signing.standard().secret("the-rotated-secret")))));
        }
    }

    // ---- presigned URLs

    @Nested
    class Presigned {

        @ParameterizedTest
        @ValueSource(strings = {"데이터/파일 1.csv", "a b+c=d&e~f%g.txt", "plain"})
        void presignedGetVerifies(String key) {
            SdkHttpRequest signed =
                    presign(get(key), Signing.standard().at(NOW.minusSeconds(60)), Duration.ofMinutes(10));

            Verified verified = assertVerified(verifier.verify(received(signed)));

            assertThat(verified.accessKeyId()).isEqualTo(AKID);
            assertThat(verified.authLocation()).isEqualTo(SigV4Result.AuthLocation.QUERY);
            assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(540));
            assertThat(verified.payloadHash()).isEqualTo("UNSIGNED-PAYLOAD");
            assertThat(verified.signedHeaders()).containsExactly("host");
        }

        @Test
        void presignedListWithOtherParametersVerifiesInAnyOrder() {
            SigV4Request request = received(presign(
                    listObjects()
                            .putRawQueryParameter("list-type", "2")
                            .putRawQueryParameter("prefix", "데이터/")
                            .putRawQueryParameter("delimiter", "/"),
                    Signing.standard(),
                    Duration.ofMinutes(5)));
            List<String> pairs = new ArrayList<>(List.of(request.rawQuery().split("&")));
            Collections.reverse(pairs);

            assertVerified(verifier.verify(withQuery(request, String.join("&", pairs))));
        }

        @Test
        void expiredIsAccessDenied() {
            SdkHttpRequest signed =
                    presign(get("a.csv"), Signing.standard().at(NOW.minusSeconds(600)), Duration.ofMinutes(5));

            S3Error error = assertRejected(verifier.verify(received(signed)), S3ErrorCode.AccessDenied);
            assertThat(error.message()).isEqualTo("Request has expired");
        }

        @Test
        void lastSecondStillVerifies() {
            SdkHttpRequest signed =
                    presign(get("a.csv"), Signing.standard().at(NOW.minusSeconds(300)), Duration.ofMinutes(5));

            assertVerified(verifier.verify(received(signed)));
        }

        @Test
        void futureBeyondTheSkewIsAccessDenied() {
            SdkHttpRequest signed =
                    presign(get("a.csv"), Signing.standard().at(NOW.plusSeconds(20 * 60)), Duration.ofHours(1));

            S3Error error = assertRejected(verifier.verify(received(signed)), S3ErrorCode.AccessDenied);
            assertThat(error.message()).isEqualTo("Request is not valid yet");
            assertVerified(verifier.verify(
                    received(presign(get("a.csv"), Signing.standard().at(NOW.plusSeconds(600)), Duration.ofHours(1)))));
        }

        @Test
        void wrongSecretIsSignatureDoesNotMatch() {
            SdkHttpRequest signed = presign(get("a.csv"), Signing.standard().secret("nope"), Duration.ofMinutes(5));

            assertRejected(verifier.verify(received(signed)), SignatureDoesNotMatch);
        }

        @Test
        void unknownAccessKeyIsInvalidAccessKeyId() {
            SdkHttpRequest signed =
                    presign(get("a.csv"), Signing.standard().accessKeyId("AKIAUNKNOWN"), Duration.ofMinutes(5));

            assertRejected(verifier.verify(received(signed)), S3ErrorCode.InvalidAccessKeyId);
        }

        @Test
        void tamperedRequestIsSignatureDoesNotMatch() {
            SigV4Request request = received(presign(get("a.csv"), Signing.standard(), Duration.ofMinutes(5)));

            assertRejected(verifier.verify(withPath(request, "/lab-data/b.csv")), SignatureDoesNotMatch);
            assertRejected(
                    verifier.verify(withQuery(request, request.rawQuery() + "&response-content-type=text%2Fhtml")),
                    SignatureDoesNotMatch);
            assertRejected(verifier.verify(withHeader(request, "Host", "evil.example")), SignatureDoesNotMatch);
        }

        @Test
        void longerLifetimeThanSignedIsSignatureDoesNotMatch() {
            SigV4Request request = received(presign(get("a.csv"), Signing.standard(), Duration.ofMinutes(5)));

            assertRejected(
                    verifier.verify(withQueryParameter(request, "X-Amz-Expires", "3600")), SignatureDoesNotMatch);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "604801", "ten", ""})
        void expiresOutOfRangeIsAuthorizationQueryParametersError(String expires) {
            SigV4Request request = received(presign(get("a.csv"), Signing.standard(), Duration.ofMinutes(5)));

            assertRejected(
                    verifier.verify(withQueryParameter(request, "X-Amz-Expires", expires)),
                    AuthorizationQueryParametersError);
        }

        @Test
        void sevenDaysIsTheLongestLifetime() {
            SdkHttpRequest signed =
                    presign(get("a.csv"), Signing.standard().at(NOW.minusSeconds(60)), Duration.ofDays(7));

            assertVerified(verifier.verify(received(signed)));
        }

        @Test
        void wrongRegionOrServiceIsAuthorizationQueryParametersError() {
            assertRejected(
                    verifier.verify(received(
                            presign(get("a.csv"), Signing.standard().region("eu-west-1"), Duration.ofMinutes(5)))),
                    AuthorizationQueryParametersError);
            assertRejected(
                    verifier.verify(
                            received(presign(get("a.csv"), Signing.standard().service("sqs"), Duration.ofMinutes(5)))),
                    AuthorizationQueryParametersError);
        }

        @Test
        void scopeDateOtherThanXAmzDateIsAuthorizationQueryParametersError() {
            SigV4Request request = received(presign(get("a.csv"), Signing.standard(), Duration.ofMinutes(5)));

            SigV4Request otherDay = withQuery(request, request.rawQuery().replace("%2F20260314%2F", "%2F20260313%2F"));
            assertThat(otherDay.rawQuery()).isNotEqualTo(request.rawQuery());
            assertRejected(verifier.verify(otherDay), AuthorizationQueryParametersError);
        }

        @Test
        void signedHeadersWithoutHostIsAuthorizationQueryParametersError() {
            SigV4Request request = received(presign(get("a.csv"), Signing.standard(), Duration.ofMinutes(5)));

            assertRejected(
                    verifier.verify(withQueryParameter(request, "X-Amz-SignedHeaders", "range")),
                    AuthorizationQueryParametersError);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "X-Amz-Credential",
                    "X-Amz-Date",
                    "X-Amz-Expires",
                    "X-Amz-SignedHeaders",
                    "X-Amz-Signature",
                    "X-Amz-Algorithm"
                })
        void missingParameterIsAuthorizationQueryParametersError(String name) {
            SigV4Request request = received(presign(get("a.csv"), Signing.standard(), Duration.ofMinutes(5)));
            List<String> kept = new ArrayList<>();
            for (String pair : request.rawQuery().split("&")) {
                if (!pair.startsWith(name + "=")) {
                    kept.add(pair);
                }
            }

            assertRejected(
                    verifier.verify(withQuery(request, String.join("&", kept))), AuthorizationQueryParametersError);
        }

        @Test
        void otherAlgorithmOrRepeatedParameterIsAuthorizationQueryParametersError() {
            SigV4Request request = received(presign(get("a.csv"), Signing.standard(), Duration.ofMinutes(5)));

            assertRejected(
                    verifier.verify(withQueryParameter(request, "X-Amz-Algorithm", "AWS4-HMAC-SHA512")),
                    AuthorizationQueryParametersError);
            assertRejected(
                    verifier.verify(withQuery(request, request.rawQuery() + "&X-Amz-Expires=1")),
                    AuthorizationQueryParametersError);
            assertRejected(
                    verifier.verify(withQueryParameter(request, "X-Amz-Date", "2026-03-14T09:26:53Z")),
                    AuthorizationQueryParametersError);
        }
    }

    // ---- the SDK's S3 client and presigner, end to end up to the wire

    @Nested
    class S3ClientRequests {

        final SigV4Verifier onSystemClock = new SigV4Verifier(REGION, secrets);

        /** An HTTP client that records each request and answers 200 with a canned body, never touching a network. */
        final class Capturing implements SdkHttpClient {

            final List<SdkHttpRequest> requests = new ArrayList<>();
            String body = "";

            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                requests.add(request.httpRequest());
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() {
                        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder()
                                        .statusCode(200)
                                        .putHeader("Content-Length", String.valueOf(bytes.length))
                                        .build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                                .build();
                    }

                    @Override
                    public void abort() {}
                };
            }

            @Override
            public void close() {}
        }

        S3Client client(Capturing http) {
            return S3Client.builder()
                    .httpClient(http)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AKID, SECRET)))
                    .endpointOverride(URI.create("https://" + HOST))
                    .forcePathStyle(true)
                    .build();
        }

        @Test
        void getObjectWithRangeFromTheS3ClientVerifies() {
            Capturing http = new Capturing();
            http.body = "hello";
            try (S3Client s3 = client(http)) {
                s3.getObject(
                        r -> r.bucket(BUCKET).key("데이터/파일 1.csv").range("bytes=0-4"), ResponseTransformer.toBytes());
            }

            SdkHttpRequest sent = http.requests.get(0);
            assertThat(sent.encodedPath())
                    .isEqualTo("/lab-data/%EB%8D%B0%EC%9D%B4%ED%84%B0/%ED%8C%8C%EC%9D%BC%201.csv");
            Verified verified = assertVerified(onSystemClock.verify(received(sent)));
            assertThat(verified.signs("range")).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a b+c=d&e~f%g.txt", "100%/%25 (1)!*'.bin", "😀/ünïcödé"})
        void getObjectWithAwkwardKeysFromTheS3ClientVerifies(String key) {
            Capturing http = new Capturing();
            try (S3Client s3 = client(http)) {
                s3.getObject(r -> r.bucket(BUCKET).key(key), ResponseTransformer.toBytes());
            }

            assertVerified(onSystemClock.verify(received(http.requests.get(0))));
        }

        @Test
        void listObjectsV2FromTheS3ClientVerifies() {
            Capturing http = new Capturing();
            http.body = "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>lab-data</Name>"
                    + "<IsTruncated>false</IsTruncated></ListBucketResult>";
            try (S3Client s3 = client(http)) {
                s3.listObjectsV2(r -> r.bucket(BUCKET)
                        .prefix("데이터/파일 +=&~")
                        .delimiter("/")
                        .continuationToken("1/a+b==")
                        .maxKeys(50)
                        .startAfter("데이터/a b"));
            }

            SdkHttpRequest sent = http.requests.get(0);
            assertThat(sent.encodedQueryParameters()).get().asString().contains("list-type=2");
            assertVerified(onSystemClock.verify(received(sent)));
        }

        @Test
        void presignedGetFromTheS3PresignerVerifies() throws Exception {
            try (S3Presigner presigner = S3Presigner.builder()
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AKID, SECRET)))
                    .endpointOverride(URI.create("https://" + HOST))
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(true)
                            .build())
                    .build()) {
                var presigned = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                        .getObjectRequest(r -> r.bucket(BUCKET).key("데이터/파일 1.csv")));
                URL url = presigned.url();

                SigV4Request request = new SigV4Request(
                        "GET", url.toURI().getRawPath(), url.toURI().getRawQuery(), presigned.signedHeaders());

                Verified verified = assertVerified(onSystemClock.verify(request));
                assertThat(verified.authLocation()).isEqualTo(SigV4Result.AuthLocation.QUERY);
                assertRejected(
                        onSystemClock.verify(withPath(request, request.rawPath().replace("1.csv", "2.csv"))),
                        SignatureDoesNotMatch);
            }
        }
    }
}
