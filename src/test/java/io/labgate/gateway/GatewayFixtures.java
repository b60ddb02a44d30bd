package io.labgate.gateway;

import static io.labgate.testing.Api.as;

import io.labgate.testing.AccessRequestBodies;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.S3Clients;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A published version with S3 access, grants on it through the real workflow, keys and AWS SDK clients. */
final class GatewayFixtures {

    /** The objects of the version, full keys (the version's prefix is {@code d/}). */
    static final Map<String, byte[]> OBJECTS = objects();

    private GatewayFixtures() {}

    record Data(String datasetId, String datasetCode, String versionId, String versionLabel) {}

    record Key(String id, String accessKeyId, String secret) {}

    private static Map<String, byte[]> objects() {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        objects.put("d/a.bin", TestStore.bytes(1, 100));
        objects.put("d/b.bin", TestStore.bytes(2, 5000));
        objects.put("d/sub/c.txt", "a text file\n".getBytes(StandardCharsets.UTF_8));
        objects.put("d/sub/deep/e.bin", TestStore.bytes(3, 70_000));
        objects.put("d/z z+%.txt", "awkward key".getBytes(StandardCharsets.UTF_8));
        return objects;
    }

    /** A published version whose policy allows the S3 endpoint and needs no consent. */
    static Data publishedForS3() {
        return publishedForS3(OBJECTS);
    }

    /** A published version of these objects (full keys) whose policy allows the S3 endpoint, without consent. */
    static Data publishedForS3(Map<String, byte[]> objects) {
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        terms.put("allowedModes", List.of("STREAM", "PRESIGNED_URL", "S3_ENDPOINT"));
        terms.put("maxConcurrentGrants", 100);
        String policyId = PublishedDatasets.policy(terms);
        String datasetId = PublishedDatasets.dataset(policyId, List.of(DemoOrganizations.JEJU), List.of());
        String versionId = PublishedDatasets.publishedVersion(datasetId, objects);
        String code = as(Tokens.OPERATOR)
                .get("/api/v1/datasets/" + datasetId)
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        String label = as(Tokens.OPERATOR)
                .get("/api/v1/datasets/" + datasetId + "/versions/" + versionId)
                .then()
                .statusCode(200)
                .extract()
                .path("label");
        return new Data(datasetId, code, versionId, label);
    }

    /** Submitted by the user, approved by the operator: the grant's id. */
    static String grant(String user, Data data, Instant until, List<String> modes) {
        Map<String, Object> body = AccessRequestBodies.of(List.of(data.versionId()), until, modes);
        var submitted = as(user).body(body).post("/api/v1/access-requests");
        if (submitted.statusCode() != 201) {
            throw new AssertionError("submission refused: " + submitted.asString());
        }
        String requestId = submitted.path("id");
        return ApprovedGrants.approveAsOperator(requestId, "fits the programme").get(0);
    }

    static String grant(String user, Data data) {
        return grant(user, data, Instant.now().plus(Duration.ofDays(30)), List.of("S3_ENDPOINT", "STREAM"));
    }

    static Key key(String user, String grantId) {
        var created = as(user).post("/api/v1/grants/" + grantId + "/access-keys")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath();
        return new Key(created.getString("id"), created.getString("accessKeyId"), created.getString("secretAccessKey"));
    }

    static S3Client client(URI endpoint, String accessKeyId, String secret) {
        return client(endpoint, accessKeyId, secret, null);
    }

    /** A path-style client of the endpoint, without retries; with a signing clock when one is given. */
    static S3Client client(URI endpoint, String accessKeyId, String secret, Clock signingClock) {
        return S3Clients.client(endpoint, accessKeyId, secret, signingClock);
    }

    static S3Presigner presigner(URI endpoint, String accessKeyId, String secret) {
        return S3Clients.presigner(endpoint, accessKeyId, secret);
    }
}
