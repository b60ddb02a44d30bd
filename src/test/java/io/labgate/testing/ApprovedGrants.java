package io.labgate.testing;

import static io.labgate.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ACTIVE grants for tests of the data-access paths, made for real through the API: Alpha (alice) applies for a
 * published version, Jeju (carol) consents, the operator approves. Register the demo organizations first
 * ({@link DemoOrganizations#ensure}) and activate Alpha ({@link PublishedDatasets#active}).
 */
public final class ApprovedGrants {

    private ApprovedGrants() {}

    /** {@link PublishedDatasets#policyTerms()} allowing all three access modes. */
    public static Map<String, Object> allModes() {
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("allowedModes", List.of("STREAM", "PRESIGNED_URL", "S3_ENDPOINT"));
        return terms;
    }

    /** An approved grant of Alpha on a version: its id, the version and the dataset. */
    public record Approved(String grantId, String versionId, String datasetId) {}

    /** A grant on a fresh version with these policy terms and objects (keys under {@code d/}). */
    public static Approved grant(
            Map<String, Object> terms, Map<String, byte[]> objects, List<String> modes, Duration period) {
        String policyId = PublishedDatasets.policy(terms);
        String datasetId = PublishedDatasets.dataset(policyId, List.of(DemoOrganizations.JEJU), List.of());
        return grantOn(datasetId, PublishedDatasets.publishedVersion(datasetId, objects), modes, period);
    }

    /** A grant of Alpha on a published version of a dataset provided by Jeju. */
    public static Approved grantOn(String datasetId, String versionId, List<String> modes, Duration period) {
        Map<String, Object> body =
                AccessRequestBodies.of(List.of(versionId), Instant.now().plus(period), modes);
        String requestId = as(Tokens.ALICE)
                .body(body)
                .post("/api/v1/access-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Tokens.CAROL)
                .body(Map.of("decision", "GRANTED"))
                .post("/api/v1/access-requests/" + requestId + "/consents/" + datasetId)
                .then()
                .statusCode(200);
        List<String> grants = approveAsOperator(requestId, "delivery tests");
        return new Approved(grants.get(0), versionId, datasetId);
    }

    /** Approves a request that is UNDER_REVIEW as the operator; answers the ids of its grants, oldest first. */
    public static List<String> approveAsOperator(String requestId, String reason) {
        as(Tokens.OPERATOR)
                .body(Map.of("approve", true, "reason", reason))
                .post("/api/v1/access-requests/" + requestId + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        return as(Tokens.OPERATOR)
                .get("/api/v1/grants?requestId=" + requestId + "&sort=createdAt")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    /** Registers the demo organizations the grants need and activates the AI companies. */
    public static void organizations(DemoOrganizations demo) {
        for (UUID id : List.of(
                DemoOrganizations.ALPHA, DemoOrganizations.BETA, DemoOrganizations.JEJU, DemoOrganizations.OCEAN)) {
            demo.ensure(id);
        }
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        PublishedDatasets.active(DemoOrganizations.BETA);
    }
}
