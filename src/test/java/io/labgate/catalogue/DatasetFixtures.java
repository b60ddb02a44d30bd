package io.labgate.catalogue;

import static io.labgate.testing.Api.as;

import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The world a catalogue test needs, made for real: buckets and objects in the embedded S3 store, reference
 * codes, policies and buckets registered through the API. Everything has a unique name, because the store and
 * the database are shared by the whole test JVM.
 */
final class DatasetFixtures {

    static final String DATASETS = "/api/v1/datasets";
    static final String COVERAGE = "/api/v1/catalogue/coverage";

    private DatasetFixtures() {}

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Makes a bucket in the store with these objects, and registers it in LabGate with this purpose. */
    static String bucketWith(String purpose, Map<String, byte[]> objects) throws Exception {
        String name = "lg-cat-" + suffix();
        TestStore.minio().makeBucket(MakeBucketArgs.builder().bucket(name).build());
        for (Map.Entry<String, byte[]> object : objects.entrySet()) {
            TestStore.minio()
                    .putObject(PutObjectArgs.builder().bucket(name).object(object.getKey()).stream(
                                    new ByteArrayInputStream(object.getValue()), object.getValue().length, -1)
                            .build());
        }
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("purpose", purpose);
        body.put("quotaBytes", 100_000_000L);
        body.put("mode", "REGISTER");
        return as(Tokens.OPERATOR)
                .body(body)
                .post("/api/v1/buckets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A new industry code, for counts nobody else can disturb. */
    static String industry() {
        String code = "IND_" + suffix().toUpperCase(Locale.ROOT);
        as(Tokens.OPERATOR)
                .body(Map.of("code", code, "name", "Industry " + code))
                .post("/api/v1/industries")
                .then()
                .statusCode(201);
        return code;
    }

    static String technology() {
        String code = "TEC_" + suffix().toUpperCase(Locale.ROOT);
        as(Tokens.OPERATOR)
                .body(Map.of("code", code, "name", "Technology " + code))
                .post("/api/v1/ai-technologies")
                .then()
                .statusCode(201);
        return code;
    }

    static Map<String, Object> policyTerms() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Catalogue test policy");
        body.put("maxGrantDays", 90);
        body.put("maxLinkSeconds", 900);
        body.put("allowedModes", List.of("STREAM"));
        body.put("allowedNetworks", List.of());
        body.put("consentRequired", true);
        body.put("termsVersion", "2026-1");
        body.put("maxConcurrentGrants", 3);
        body.put("byteQuotaPerGrant", 1_000_000_000L);
        return body;
    }

    /** Version 1 of a new policy; answers its code and id. */
    static String[] policy() {
        String code = "cat-" + suffix();
        Map<String, Object> body = policyTerms();
        body.put("code", code);
        String id = as(Tokens.OPERATOR)
                .body(body)
                .post("/api/v1/policies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new String[] {code, id};
    }

    static Map<String, Object> datasetBody(
            String code, String industry, String technology, String policyId, List<UUID> providers) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "Dataset " + code);
        body.put("description", "Processed data for " + code);
        body.put("industryCode", industry);
        body.put("aiTechnologyCode", technology);
        body.put("securityPolicyId", policyId);
        body.put("useConditions", List.of("NO_REDISTRIBUTION", "NO_REIDENTIFICATION"));
        body.put("providerIds", providers.stream().map(UUID::toString).toList());
        return body;
    }

    static Map<String, Object> attestation(boolean verified) {
        Map<String, Object> body = new HashMap<>();
        body.put("method", "PSEUDONYMISATION");
        body.put("verifier", "Kim Jiwoo, privacy officer");
        body.put("verifiedOn", "2026-01-15");
        body.put("note", "farm names and GPS replaced by region codes");
        body.put("verified", verified);
        return body;
    }
}
