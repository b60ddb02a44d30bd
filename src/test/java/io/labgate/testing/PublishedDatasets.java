package io.labgate.testing;

import static io.labgate.testing.Api.as;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.EmbeddedPostgresServer;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Published dataset versions for tests of features that use the catalogue (access workflow, data access), made
 * for real through the API: a PROCESSED bucket with objects in the embedded S3 store, a fresh policy, a dataset,
 * a version with its manifest and a verified attestation, published. Every name is unique, because the store and
 * the database are shared by every test of the JVM.
 */
public final class PublishedDatasets {

    public static final String TERMS = "2026-1";

    private static String industry;
    private static String technology;

    private PublishedDatasets() {}

    /** A published version: its dataset, its policy version and the objects it lists. */
    public record Published(String datasetId, String versionId, String policyId, Map<String, byte[]> objects) {}

    /** Terms of a policy: edit the map, then pass it to {@link #publish}. */
    public static Map<String, Object> policyTerms() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Access test policy");
        body.put("maxGrantDays", 90);
        body.put("maxLinkSeconds", 900);
        body.put("allowedModes", List.of("STREAM", "PRESIGNED_URL"));
        body.put("allowedNetworks", List.of());
        body.put("consentRequired", true);
        body.put("termsVersion", TERMS);
        body.put("maxConcurrentGrants", 3);
        body.put("byteQuotaPerGrant", 1_000_000_000L);
        return body;
    }

    /** A published version with the default terms, provided by these organizations. */
    public static Published publish(List<UUID> providers) {
        return publish(policyTerms(), providers, List.of("NO_REDISTRIBUTION", "NO_REIDENTIFICATION"));
    }

    public static Published publish(Map<String, Object> terms, List<UUID> providers, List<String> useConditions) {
        String policyId = policy(terms);
        String datasetId = dataset(policyId, providers, useConditions);
        Map<String, byte[]> objects = Map.of("d/a.bin", TestStore.bytes(11, 100), "d/b.bin", TestStore.bytes(12, 50));
        return new Published(datasetId, publishedVersion(datasetId, objects), policyId, objects);
    }

    /** Version 1 of a new policy with these terms; answers its id. */
    public static String policy(Map<String, Object> terms) {
        Map<String, Object> body = new HashMap<>(terms);
        body.put("code", "acc-" + suffix());
        return as(Tokens.OPERATOR)
                .body(body)
                .post("/api/v1/policies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String dataset(String policyId, List<UUID> providers, List<String> useConditions) {
        referenceData();
        String code = "ds-" + suffix();
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "Dataset " + code);
        body.put("description", "Processed data for " + code);
        body.put("industryCode", industry);
        body.put("aiTechnologyCode", technology);
        body.put("securityPolicyId", policyId);
        body.put("useConditions", useConditions);
        body.put("providerIds", providers.stream().map(UUID::toString).toList());
        return as(Tokens.OPERATOR)
                .body(body)
                .post("/api/v1/datasets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A new PUBLISHED version of a dataset: objects in a fresh bucket, manifest, verified attestation. */
    public static String publishedVersion(String datasetId, Map<String, byte[]> objects) {
        return publishedVersionIn(datasetId, bucketWith(objects));
    }

    /**
     * A new PUBLISHED version of a dataset over the objects under {@code d/} of a registered bucket (see
     * {@link #registeredBucket}); for tests that fill the bucket themselves, e.g. with streamed uploads.
     */
    public static String publishedVersionIn(String datasetId, String bucketId) {
        String label = "v-" + suffix();
        String versionId = as(Tokens.OPERATOR)
                .body(Map.of("label", label, "bucketId", bucketId, "prefix", "d/"))
                .post("/api/v1/datasets/" + datasetId + "/versions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String version = "/api/v1/datasets/" + datasetId + "/versions/" + versionId;
        as(Tokens.OPERATOR).post(version + "/manifest").then().statusCode(200);
        String etag = as(Tokens.OPERATOR).get(version).header("ETag");
        Map<String, Object> attestation = new HashMap<>();
        attestation.put("method", "PSEUDONYMISATION");
        attestation.put("verifier", "Kim Jiwoo, privacy officer");
        attestation.put("verifiedOn", "2026-01-15");
        attestation.put("verified", true);
        as(Tokens.OPERATOR)
                .header("If-Match", etag)
                .body(attestation)
                .put(version + "/attestation")
                .then()
                .statusCode(200);
        as(Tokens.OPERATOR).post(version + "/publish").then().statusCode(200);
        return versionId;
    }

    /** Activates a registered organization unless it is ACTIVE already (register it first). */
    public static void active(UUID organizationId) {
        String status = as(Tokens.OPERATOR)
                .get("/api/v1/organizations/" + organizationId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
        if (!"ACTIVE".equals(status)) {
            as(Tokens.OPERATOR)
                    .body(Map.of("reason", "access workflow tests"))
                    .post("/api/v1/organizations/" + organizationId + "/activate")
                    .then()
                    .statusCode(200);
        }
    }

    /** Retires a published version through the API. */
    public static void retire(String datasetId, String versionId, String reason) {
        as(Tokens.OPERATOR)
                .body(Map.of("reason", reason))
                .post("/api/v1/datasets/" + datasetId + "/versions/" + versionId + "/retire")
                .then()
                .statusCode(200);
    }

    /** Plain JDBC to the test database, for counting rows behind the API's back. */
    public static Connection database() throws SQLException {
        return DriverManager.getConnection(
                EmbeddedLabTestResource.lab().postgres().jdbcUrl("labgate"),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static synchronized void referenceData() {
        if (industry == null) {
            industry = "IND_" + suffix().toUpperCase(Locale.ROOT);
            as(Tokens.OPERATOR)
                    .body(Map.of("code", industry, "name", "Industry " + industry))
                    .post("/api/v1/industries")
                    .then()
                    .statusCode(201);
            technology = "TEC_" + suffix().toUpperCase(Locale.ROOT);
            as(Tokens.OPERATOR)
                    .body(Map.of("code", technology, "name", "Technology " + technology))
                    .post("/api/v1/ai-technologies")
                    .then()
                    .statusCode(201);
        }
    }

    private static String bucketWith(Map<String, byte[]> objects) {
        String name = "lg-acc-" + suffix();
        try {
            TestStore.minio().makeBucket(MakeBucketArgs.builder().bucket(name).build());
            for (Map.Entry<String, byte[]> object : objects.entrySet()) {
                TestStore.minio()
                        .putObject(PutObjectArgs.builder().bucket(name).object(object.getKey()).stream(
                                        new ByteArrayInputStream(object.getValue()), object.getValue().length, -1)
                                .contentType(contentType(object.getKey()))
                                .build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot fill test bucket " + name, e);
        }
        return registeredBucket(name, 100_000_000L);
    }

    /** The Content-Type a store would be given for a key, by its extension. */
    static String contentType(String key) {
        if (key.endsWith(".txt")) {
            return "text/plain";
        }
        if (key.endsWith(".csv")) {
            return "text/csv";
        }
        if (key.endsWith(".json")) {
            return "application/json";
        }
        if (key.endsWith(".html")) {
            return "text/html";
        }
        return "application/octet-stream";
    }

    /** Registers an existing store bucket as a PROCESSED bucket; answers its id. */
    public static String registeredBucket(String name, long quotaBytes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("purpose", "PROCESSED");
        body.put("quotaBytes", quotaBytes);
        body.put("mode", "REGISTER");
        return as(Tokens.OPERATOR)
                .body(body)
                .post("/api/v1/buckets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
