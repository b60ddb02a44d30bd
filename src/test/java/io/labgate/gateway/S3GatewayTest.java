package io.labgate.gateway;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.labgate.gateway.GatewayFixtures.Data;
import io.labgate.gateway.GatewayFixtures.Key;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3-compatible endpoint, driven by the AWS SDK for Java v2: an independent SigV4 client. */
@QuarkusTest
class S3GatewayTest {

    @TestHTTPResource("/s3")
    URL endpointUrl;

    @Inject
    io.labgate.testing.DemoOrganizations demo;

    private static Data data;

    URI endpoint() throws Exception {
        return endpointUrl.toURI();
    }

    @BeforeEach
    void setUp() {
        for (UUID id : List.of(DemoOrganizations.ALPHA, DemoOrganizations.BETA, DemoOrganizations.JEJU)) {
            demo.ensure(id);
        }
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        PublishedDatasets.active(DemoOrganizations.BETA);
        PublishedDatasets.active(DemoOrganizations.JEJU);
        synchronized (S3GatewayTest.class) {
            if (data == null) {
                data = GatewayFixtures.publishedForS3();
            }
        }
    }

    private String bucket() {
        return (data.datasetCode() + "-" + data.versionLabel()).toLowerCase(Locale.ROOT);
    }

    @Test
    void listBucketsShowsTheGrantedVersionAsOneBucket() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret())) {
            List<Bucket> buckets = s3.listBuckets().buckets();
            assertThat(buckets).extracting(Bucket::name).containsExactly(bucket());
            assertThat(buckets.get(0).creationDate()).isBefore(Instant.now());
            s3.headBucket(b -> b.bucket(bucket()));
        }
    }

    @Test
    void listObjectsV2WithPrefixDelimiterAndPaging() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret())) {
            ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket(bucket()));
            assertThat(all.contents())
                    .extracting(S3Object::key)
                    .containsExactly("a.bin", "b.bin", "sub/c.txt", "sub/deep/e.bin", "z z+%.txt");
            assertThat(all.keyCount()).isEqualTo(5);
            assertThat(all.isTruncated()).isFalse();
            S3Object b = all.contents().get(1);
            assertThat(b.size()).isEqualTo(5000L);
            assertThat(b.eTag()).matches("\"[0-9a-f]{64}\"");

            ListObjectsV2Response top = s3.listObjectsV2(r -> r.bucket(bucket()).delimiter("/"));
            assertThat(top.contents()).extracting(S3Object::key).containsExactly("a.bin", "b.bin", "z z+%.txt");
            assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("sub/");

            ListObjectsV2Response sub =
                    s3.listObjectsV2(r -> r.bucket(bucket()).prefix("sub/").delimiter("/"));
            assertThat(sub.contents()).extracting(S3Object::key).containsExactly("sub/c.txt");
            assertThat(sub.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("sub/deep/");

            List<String> paged = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                String continuation = token;
                ListObjectsV2Response page =
                        s3.listObjectsV2(r -> r.bucket(bucket()).maxKeys(2).continuationToken(continuation));
                assertThat(page.keyCount()).isLessThanOrEqualTo(2);
                page.contents().forEach(o -> paged.add(o.key()));
                token = page.nextContinuationToken();
                assertThat(page.isTruncated()).isEqualTo(token != null);
                pages++;
            } while (token != null);
            assertThat(pages).isEqualTo(3);
            assertThat(paged).containsExactly("a.bin", "b.bin", "sub/c.txt", "sub/deep/e.bin", "z z+%.txt");

            // fetch-owner names each object's owner, the bucket's: the key's organization
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket()).fetchOwner(true))
                            .contents())
                    .allSatisfy(o -> assertThat(o.owner().id()).isEqualTo(DemoOrganizations.ALPHA.toString()));
            assertThat(all.contents()).allSatisfy(o -> assertThat(o.owner()).isNull());

            // the SDK's own paginator agrees
            assertThat(s3.listObjectsV2Paginator(r -> r.bucket(bucket()).maxKeys(2))
                            .contents())
                    .extracting(S3Object::key)
                    .hasSize(5);
        }
    }

    @Test
    void listObjectsVersionOneAsRcloneAndS3cmdAskByDefault() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret())) {
            // rclone's first request: GET /bucket?delimiter=/&max-keys=1000&prefix=
            ListObjectsResponse top = s3.listObjects(
                    r -> r.bucket(bucket()).delimiter("/").maxKeys(1000).prefix(""));
            assertThat(top.contents()).extracting(S3Object::key).containsExactly("a.bin", "b.bin", "z z+%.txt");
            assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("sub/");
            assertThat(top.isTruncated()).isFalse();

            // paging by marker: NextMarker given, a common prefix as marker resumes after everything under it
            List<String> entries = new ArrayList<>();
            String marker = null;
            int pages = 0;
            do {
                String from = marker;
                ListObjectsResponse page = s3.listObjects(
                        r -> r.bucket(bucket()).delimiter("/").maxKeys(1).marker(from));
                page.contents().forEach(o -> entries.add(o.key()));
                page.commonPrefixes().forEach(p -> entries.add(p.prefix()));
                marker = page.isTruncated() ? page.nextMarker() : null;
                pages++;
            } while (marker != null && pages < 10);
            assertThat(entries).containsExactly("a.bin", "b.bin", "sub/", "z z+%.txt");

            // the SDK's own v1 paging without a delimiter, by the last key
            assertThat(s3.listObjects(r -> r.bucket(bucket()).maxKeys(2).marker("b.bin"))
                            .contents())
                    .extracting(S3Object::key)
                    .containsExactly("sub/c.txt", "sub/deep/e.bin");
        }
    }

    @Test
    void conditionalRequestsPartNumberOneAndTheSha256ChecksumAsTheSdkAsksThem() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret())) {
            String etag = s3.headObject(r -> r.bucket(bucket()).key("b.bin")).eTag();
            assertThatThrownBy(() -> s3.getObject(
                            r -> r.bucket(bucket()).key("b.bin").ifNoneMatch(etag),
                            software.amazon.awssdk.core.sync.ResponseTransformer.toBytes()))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
            assertThatThrownBy(() ->
                            s3.headObject(r -> r.bucket(bucket()).key("b.bin").ifMatch("\"other\"")))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
            assertThat(s3.getObject(
                                    r -> r.bucket(bucket())
                                            .key("b.bin")
                                            .ifMatch(etag)
                                            .range("bytes=0-9"),
                                    software.amazon.awssdk.core.sync.ResponseTransformer.toBytes())
                            .asByteArray())
                    .hasSize(10);
            // a range under an If-Range of another version of the object is answered whole
            assertThat(s3.getObject(
                                    r -> r.bucket(bucket())
                                            .key("b.bin")
                                            .range("bytes=0-9")
                                            // the SDK has no If-Range of its own: sent as a plain header
                                            .overrideConfiguration(o -> o.putHeader("If-Range", "\"other\"")),
                                    software.amazon.awssdk.core.sync.ResponseTransformer.toBytes())
                            .asByteArray())
                    .isEqualTo(GatewayFixtures.OBJECTS.get("d/b.bin"));
            // each object is one part
            assertThat(s3.getObject(
                                    r -> r.bucket(bucket()).key("b.bin").partNumber(1),
                                    software.amazon.awssdk.core.sync.ResponseTransformer.toBytes())
                            .asByteArray())
                    .isEqualTo(GatewayFixtures.OBJECTS.get("d/b.bin"));
            assertThatThrownBy(() ->
                            s3.headObject(r -> r.bucket(bucket()).key("b.bin").partNumber(2)))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(416));
            // the store's Content-Type and the object's own modification, as the manifest recorded them
            var text = s3.headObject(r -> r.bucket(bucket()).key("sub/c.txt"));
            assertThat(text.contentType()).isEqualTo("text/plain");
            assertThat(text.lastModified())
                    .isBeforeOrEqualTo(s3.listBuckets().buckets().get(0).creationDate());
            assertThat(s3.headObject(r -> r.bucket(bucket()).key("b.bin")).contentType())
                    .isEqualTo("application/octet-stream");
            // the SDK checks the body against the SHA-256 it is given, from the manifest
            var checked = s3.getObject(
                    r -> r.bucket(bucket()).key("b.bin").checksumMode(ChecksumMode.ENABLED),
                    software.amazon.awssdk.core.sync.ResponseTransformer.toBytes());
            assertThat(checked.response().checksumSHA256())
                    .isEqualTo(java.util.Base64.getEncoder()
                            .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(GatewayFixtures.OBJECTS.get("d/b.bin"))));
            assertThat(checked.asByteArray()).isEqualTo(GatewayFixtures.OBJECTS.get("d/b.bin"));
            // a range carries no whole-object checksum: the SDK (and aws-cli, which asks by default) would check
            // the range against it and fail
            var range = s3.getObject(
                    r -> r.bucket(bucket()).key("b.bin").range("bytes=0-9").checksumMode(ChecksumMode.ENABLED),
                    software.amazon.awssdk.core.sync.ResponseTransformer.toBytes());
            assertThat(range.asByteArray()).hasSize(10);
            assertThat(range.response().checksumSHA256()).isNull();
        }
    }

    @Test
    void malformedListingsAndUnsafeContentTypesAreInvalidArgument() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret())) {
            for (Runnable request : List.<Runnable>of(
                    () -> s3.listObjectsV2(r -> r.bucket(bucket()).prefix("a\0b")),
                    () -> s3.listObjects(r -> r.bucket(bucket()).marker("a\0")),
                    () -> s3.listObjectsV2(r -> r.bucket(bucket()).continuationToken("not a token!")),
                    () -> s3.getObject(
                            r -> r.bucket(bucket()).key("b.bin").responseContentType("text/html"),
                            software.amazon.awssdk.core.sync.ResponseTransformer.toBytes()))) {
                assertThatThrownBy(request::run).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                });
            }
            // a safe type is served as asked, and never sniffed
            var csv = s3.getObject(
                    r -> r.bucket(bucket()).key("b.bin").responseContentType("text/csv"),
                    software.amazon.awssdk.core.sync.ResponseTransformer.toBytes());
            assertThat(csv.response().contentType()).isEqualTo("text/csv");
            assertThat(csv.response().sdkHttpResponse().firstMatchingHeader("X-Content-Type-Options"))
                    .hasValue("nosniff");
        }
    }

    @Test
    void headAndGetObjectWholeAndRangedMatchTheManifest() throws Exception {
        String grantId = GatewayFixtures.grant(Tokens.ALICE, data);
        Key key = GatewayFixtures.key(Tokens.ALICE, grantId);
        byte[] expected = GatewayFixtures.OBJECTS.get("d/sub/deep/e.bin");
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected));
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret())) {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket()).key("sub/deep/e.bin"));
            assertThat(head.contentLength()).isEqualTo(expected.length);
            assertThat(head.eTag()).isEqualTo("\"" + sha256 + "\"");
            assertThat(head.lastModified()).isBefore(Instant.now());

            ResponseBytes<GetObjectResponse> whole =
                    s3.getObjectAsBytes(r -> r.bucket(bucket()).key("sub/deep/e.bin"));
            assertThat(whole.asByteArray()).isEqualTo(expected);
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(whole.asByteArray())))
                    .isEqualTo(sha256);

            ResponseBytes<GetObjectResponse> ranged = s3.getObjectAsBytes(
                    r -> r.bucket(bucket()).key("sub/deep/e.bin").range("bytes=1000-1999"));
            assertThat(ranged.asByteArray()).isEqualTo(Arrays.copyOfRange(expected, 1000, 2000));
            assertThat(ranged.response().contentRange()).isEqualTo("bytes 1000-1999/" + expected.length);
            assertThat(ranged.response().contentLength()).isEqualTo(1000L);

            ResponseBytes<GetObjectResponse> awkward =
                    s3.getObjectAsBytes(r -> r.bucket(bucket()).key("z z+%.txt"));
            assertThat(awkward.asUtf8String()).isEqualTo("awkward key");

            assertThat(code(() -> s3.getObjectAsBytes(r -> r.bucket(bucket()).key("missing.bin"))))
                    .isEqualTo("NoSuchKey");
            assertThat(code(() -> s3.getObjectAsBytes(r -> r.bucket(bucket()).key("../d/a.bin"))))
                    .isEqualTo("NoSuchKey");
            assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket()).key("missing.bin")))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
            S3Exception range = (S3Exception) org.assertj.core.api.Assertions.catchThrowable(() ->
                    s3.getObjectAsBytes(r -> r.bucket(bucket()).key("a.bin").range("bytes=500-600")));
            assertThat(range.statusCode()).isEqualTo(416);
            assertThat(range.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
        }
        // exact bytes counted on the grant and in the usage log: whole + range + the awkward key
        as(Tokens.ALICE)
                .get("/api/v1/grants/" + grantId)
                .then()
                .statusCode(200)
                .body("bytesUsed", equalTo(expected.length + 1000 + "awkward key".length()));
        assertThat(events(grantId, "S3_REQUEST", "bytes")).isEqualTo(expected.length + 1000 + "awkward key".length());
        assertThat(events(grantId, "S3_REQUEST", "count(*)")).isGreaterThanOrEqualTo(4); // HEAD + 3 GETs
        assertThat(events(grantId, "ACCESS_REFUSED", "count(*)")).isGreaterThanOrEqualTo(4); // 3 keys + range
    }

    @Test
    void aPresignedGetWorksWithAPlainHttpClient() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        try (S3Presigner presigner = GatewayFixtures.presigner(endpoint(), key.accessKeyId(), key.secret())) {
            var presigned = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket()).key("b.bin")));
            assertThat(presigned.isBrowserExecutable())
                    .as("signed headers %s", presigned.signedHeaders())
                    .isTrue();
            URL url = presigned.url();
            assertThat(url.getPath()).startsWith("/s3/");
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(url.toURI()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode())
                    .as("%s -> %s", url, new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(response.body()).isEqualTo(GatewayFixtures.OBJECTS.get("d/b.bin"));
            assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();

            HttpResponse<String> tampered = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url.toString().replace("b.bin", "a.bin")))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(tampered.statusCode()).isEqualTo(403);
            assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }

    @Test
    void aSignatureVersionTwoPresignedGetWorksAsBoto3MakesItByDefault() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        // signed here as AWS documents it (HMAC-SHA1 over method, MD5, type, Expires and the resource path)
        String path = endpoint().getPath() + "/" + bucket() + "/b.bin";
        long expires = Instant.now().plusSeconds(300).getEpochSecond();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal(("GET\n\n\n" + expires + "\n" + path).getBytes(StandardCharsets.UTF_8)));
        URI url = URI.create(endpoint().getScheme() + "://" + endpoint().getAuthority() + path + "?AWSAccessKeyId="
                + key.accessKeyId() + "&Expires=" + expires + "&Signature="
                + java.net.URLEncoder.encode(signature, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.body()).isEqualTo(GatewayFixtures.OBJECTS.get("d/b.bin"));

        HttpResponse<String> other = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url.toString().replace("b.bin", "a.bin")))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("SignatureDoesNotMatch").contains("Signature Version 2");
    }

    @Test
    void writesAndOtherBucketsAreRefused() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret())) {
            assertThat(code(() -> s3.putObject(r -> r.bucket(bucket()).key("new.bin"), RequestBody.fromString("data"))))
                    .isIn("AccessDenied", "NotImplemented");
            assertThat(code(() -> s3.deleteObject(r -> r.bucket(bucket()).key("a.bin"))))
                    .isEqualTo("AccessDenied");
            assertThat(code(() -> s3.createBucket(r -> r.bucket("mine")))).isEqualTo("AccessDenied");
            assertThat(code(() -> s3.getBucketAcl(r -> r.bucket(bucket())))).isEqualTo("NotImplemented");
            assertThat(code(() -> s3.listObjectsV2(r -> r.bucket("someone-elses"))))
                    .isEqualTo("NoSuchBucket");
        }
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatch() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        String wrong = key.secret().substring(1) + "x";
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), wrong)) {
            assertThat(code(s3::listBuckets)).isEqualTo("SignatureDoesNotMatch");
        }
        try (S3Client s3 = GatewayFixtures.client(endpoint(), "LGNOSUCHKEY0000000000", key.secret())) {
            assertThat(code(s3::listBuckets)).isEqualTo("InvalidAccessKeyId");
        }
    }

    @Test
    void aClockTwentyMinutesOffIsRequestTimeTooSkewed() throws Exception {
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret(), skewed)) {
            assertThat(code(s3::listBuckets)).isEqualTo("RequestTimeTooSkewed");
        }
    }

    @Test
    void revokingTheGrantEndsTheKeyAtOnce() throws Exception {
        String grantId = GatewayFixtures.grant(Tokens.ALICE, data);
        Key key = GatewayFixtures.key(Tokens.ALICE, grantId);
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret())) {
            assertThat(s3.listBuckets().buckets()).hasSize(1);
            as(Tokens.OPERATOR)
                    .body(Map.of("reason", "terms broken"))
                    .post("/api/v1/grants/" + grantId + "/revoke")
                    .then()
                    .statusCode(200);
            assertThat(code(s3::listBuckets)).isEqualTo("InvalidAccessKeyId");
        }
        assertThat(refusals(grantId)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theGrantsEndByTheClockEndsTheKey() throws Exception {
        String grantId =
                GatewayFixtures.grant(Tokens.ALICE, data, Instant.now().plusSeconds(4), List.of("S3_ENDPOINT"));
        Key key = GatewayFixtures.key(Tokens.ALICE, grantId);
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret())) {
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket())).contents()).hasSize(5);
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> assertThat(code(s3::listBuckets)).isEqualTo("InvalidAccessKeyId"));
        }
    }

    @Test
    void revokingTheKeyEndsItWhileTheGrantLives() throws Exception {
        String grantId = GatewayFixtures.grant(Tokens.ALICE, data);
        Key key = GatewayFixtures.key(Tokens.ALICE, grantId);
        Key other = GatewayFixtures.key(Tokens.ALICE, grantId);
        as(Tokens.ALICE)
                .delete("/api/v1/grants/" + grantId + "/access-keys/" + key.id())
                .then()
                .statusCode(200)
                .body("revokedBy", equalTo(Tokens.ALICE));
        try (S3Client s3 = GatewayFixtures.client(endpoint(), key.accessKeyId(), key.secret());
                S3Client still = GatewayFixtures.client(endpoint(), other.accessKeyId(), other.secret())) {
            assertThat(code(s3::listBuckets)).isEqualTo("InvalidAccessKeyId");
            assertThat(still.listBuckets().buckets()).hasSize(1);
        }
    }

    @Test
    void anotherTenantsKeyDoesNotSeeAlicesBucket() throws Exception {
        String alices = GatewayFixtures.grant(Tokens.ALICE, data);
        String bobs = GatewayFixtures.grant(Tokens.BOB, data);
        Key bob = GatewayFixtures.key(Tokens.BOB, bobs);
        // Bob cannot issue a key on Alice's grant, nor list hers: it does not exist for him
        as(Tokens.BOB).post("/api/v1/grants/" + alices + "/access-keys").then().statusCode(404);
        as(Tokens.BOB).get("/api/v1/grants/" + alices + "/access-keys").then().statusCode(404);
        try (S3Client s3 = GatewayFixtures.client(endpoint(), bob.accessKeyId(), bob.secret())) {
            // the same version through Bob's own grant: his bucket is his grant's, never Alice's keys or grant
            assertThat(s3.listBuckets().buckets()).hasSize(1);
            assertThat(code(() -> s3.listObjectsV2(r -> r.bucket("ds-other-v1"))))
                    .isEqualTo("NoSuchBucket");
        }
    }

    @Test
    void keysAreIssuedOnlyForUsableS3GrantsAndTheSecretIsShownOnce() {
        String grantId = GatewayFixtures.grant(Tokens.ALICE, data);
        Key key = GatewayFixtures.key(Tokens.ALICE, grantId);
        assertThat(key.accessKeyId()).matches("LG[A-Z0-9]{18}");
        assertThat(key.secret()).hasSize(40);
        as(Tokens.ALICE)
                .get("/api/v1/grants/" + grantId + "/access-keys")
                .then()
                .statusCode(200)
                .body("accessKeyId", hasItem(key.accessKeyId()))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("secretAccessKey")));
        as(Tokens.OPERATOR)
                .get("/api/v1/grants/" + grantId + "/access-keys")
                .then()
                .statusCode(200)
                .body("id", hasItem(key.id()));
        as(Tokens.CAROL)
                .get("/api/v1/grants/" + grantId + "/access-keys")
                .then()
                .statusCode(403);
        // a grant without S3_ENDPOINT gets no key
        String streamOnly =
                GatewayFixtures.grant(Tokens.ALICE, data, Instant.now().plus(Duration.ofDays(3)), List.of("STREAM"));
        as(Tokens.ALICE)
                .post("/api/v1/grants/" + streamOnly + "/access-keys")
                .then()
                .statusCode(403);
        // the secret is stored encrypted, never in clear
        try (Connection db = PublishedDatasets.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT secret_ciphertext, key_version FROM access_key WHERE access_key_id = ?")) {
            query.setString(1, key.accessKeyId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(new String(row.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain(key.secret());
                assertThat(row.getInt(2)).isEqualTo(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void requestsWithoutSigV4AreRefusedAsS3DoesNotAsTheApiDoes() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket()))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.headers().firstValue("x-amz-request-id")).isPresent();
        assertThat(anonymous.body()).contains("<Code>AccessDenied</Code>");
        HttpResponse<String> bearer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                                .header("Authorization", "Bearer " + Tokens.of(Tokens.ALICE))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isIn(400, 403);
        assertThat(bearer.body()).contains("<Error><Code>");
    }

    static String code(Runnable call) {
        try {
            call.run();
        } catch (S3Exception e) {
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("the request was not refused");
    }

    /** sum(bytes) or count(*) of the grant's usage events with this action. */
    static long events(String grantId, String action, String what) {
        String select = what.equals("bytes") ? "coalesce(sum(bytes), 0)" : "count(*)";
        try (Connection db = PublishedDatasets.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT " + select + " FROM usage_event WHERE grant_id = ?::uuid AND action = ?")) {
            query.setString(1, grantId);
            query.setString(2, action);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long refusals(String grantId) {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM usage_event WHERE grant_id = ?::uuid AND action = 'ACCESS_REFUSED'")) {
            query.setString(1, grantId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
