package io.labgate.catalogue;

import static io.labgate.catalogue.DatasetFixtures.COVERAGE;
import static io.labgate.catalogue.DatasetFixtures.DATASETS;
import static io.labgate.catalogue.DatasetFixtures.attestation;
import static io.labgate.catalogue.DatasetFixtures.bucketWith;
import static io.labgate.catalogue.DatasetFixtures.datasetBody;
import static io.labgate.catalogue.DatasetFixtures.industry;
import static io.labgate.catalogue.DatasetFixtures.policy;
import static io.labgate.catalogue.DatasetFixtures.policyTerms;
import static io.labgate.catalogue.DatasetFixtures.suffix;
import static io.labgate.catalogue.DatasetFixtures.technology;
import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.labgate.catalogue.api.DatasetVersionRetired;
import io.labgate.catalogue.api.GrantableVersion;
import io.labgate.catalogue.api.UseCondition;
import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.EmbeddedPostgresServer;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatasetCatalogueTest {

    @Inject
    DemoOrganizations demo;

    @Inject
    DatasetCatalogueService catalogue;

    @Inject
    RecordedCatalogueEvents events;

    private String industry;
    private String technology;
    private String policyCode;
    private String policyId;

    @BeforeEach
    void referenceData() {
        demo.ensure(DemoOrganizations.JEJU);
        demo.ensure(DemoOrganizations.OCEAN);
        demo.ensure(DemoOrganizations.ALPHA);
        industry = industry();
        technology = technology();
        String[] policy = policy();
        policyCode = policy[0];
        policyId = policy[1];
    }

    // --- the happy path -----------------------------------------------------------------------------------

    @Test
    void operatorPublishesAVersionWhoseManifestHashesTheRealObjects() throws Exception {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        objects.put("crops/v1/labels.csv", "image,disease\nleaf-1.jpg,leaf-spot\n".getBytes(StandardCharsets.UTF_8));
        objects.put("crops/v1/images/leaf-1.jpg", TestStore.bytes(1, 200_000)); // bigger than the 64 KiB read buffer
        objects.put("crops/v1/images/leaf-2.jpg", TestStore.bytes(2, 70_001));
        objects.put("crops/v2/not-this-version.jpg", TestStore.bytes(3, 10));
        String bucketId = bucketWith("PROCESSED", objects);
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        String versionId = createVersion(datasetId, "v1", bucketId, "crops/v1/")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("objectCount", equalTo(0))
                .body("attestation", nullValue())
                .extract()
                .path("id");

        as(Tokens.OPERATOR)
                .post(version(datasetId, versionId) + "/manifest")
                .then()
                .statusCode(200)
                .body("objectCount", equalTo(3))
                .body("totalBytes", equalTo(objects.get("crops/v1/labels.csv").length + 200_000 + 70_001))
                .body("manifestBuiltAt", notNullValue());
        Response manifest = as(Tokens.OPERATOR).get(version(datasetId, versionId) + "/objects");
        manifest.then().statusCode(200).body("totalItems", equalTo(3));
        // by key, byte-wise: "images/..." before "labels.csv"
        assertThat(manifest.<List<String>>path("items.key"))
                .containsExactly("crops/v1/images/leaf-1.jpg", "crops/v1/images/leaf-2.jpg", "crops/v1/labels.csv");
        for (int i = 0; i < 3; i++) {
            String key = manifest.path("items[" + i + "].key");
            assertThat(manifest.<String>path("items[" + i + "].sha256")).isEqualTo(TestStore.sha256(objects.get(key)));
            assertThat(((Number) manifest.path("items[" + i + "].sizeBytes")).longValue())
                    .isEqualTo(objects.get(key).length);
        }
        as(Tokens.AUDITOR)
                .get(version(datasetId, versionId) + "/objects?prefix=crops/v1/images/&size=1")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(2))
                .body("items[0].key", equalTo("crops/v1/images/leaf-1.jpg"));

        attest(datasetId, versionId, attestation(true))
                .then()
                .statusCode(200)
                .body("attestation.method", equalTo("PSEUDONYMISATION"))
                .body("attestation.verifiedOn", equalTo("2026-01-15"))
                .body("attestation.verified", equalTo(true));

        as(Tokens.OPERATOR)
                .post(version(datasetId, versionId) + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedAt", notNullValue());

        GrantableVersion grantable = catalogue.grantable(UUID.fromString(versionId));
        assertThat(grantable.prefix()).isEqualTo("crops/v1/");
        assertThat(grantable.policyId()).isEqualTo(UUID.fromString(policyId));
        assertThat(grantable.providerOrgIds()).containsExactly(DemoOrganizations.JEJU);
        assertThat(grantable.useConditions())
                .containsExactly(UseCondition.NO_REDISTRIBUTION, UseCondition.NO_REIDENTIFICATION);
        assertThat(grantable.totalBytes()).isEqualTo(objects.get("crops/v1/labels.csv").length + 270_001L);
    }

    @Test
    void publishingLocksTheDatasetsPolicyVersion() throws Exception {
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        String policyVersion = "/api/v1/policies/" + policyCode + "/versions/1";
        as(Tokens.OPERATOR).get(policyVersion).then().body("lockedAt", nullValue());

        publishedVersion(datasetId, "v1");

        String etag = as(Tokens.OPERATOR)
                .get(policyVersion)
                .then()
                .statusCode(200)
                .body("lockedAt", notNullValue())
                .extract()
                .header("ETag");
        as(Tokens.OPERATOR)
                .header("If-Match", etag)
                .body(policyTerms())
                .put(policyVersion)
                .then()
                .statusCode(409)
                .body("detail", containsString("in use"));
    }

    // --- refusals -----------------------------------------------------------------------------------------

    @Test
    void aVersionWhosePrefixOverlapsAnotherVersionsInTheSameBucketIsRefused() throws Exception {
        String bucketId = bucketWith(
                "PROCESSED", Map.of("farm/a/x.bin", TestStore.bytes(21, 4), "farm/ab/y.bin", TestStore.bytes(22, 4)));
        String first = createDataset(List.of(DemoOrganizations.JEJU));
        createVersion(first, "v1", bucketId, "farm/a/").then().statusCode(201);

        String other = createDataset(List.of(DemoOrganizations.OCEAN));
        for (String overlapping : List.of("farm/", "farm/a/", "farm/a/sub/")) {
            createVersion(other, "v-" + overlapping.length(), bucketId, overlapping)
                    .then()
                    .statusCode(409)
                    .body("detail", containsString("overlaps prefix farm/a/"));
        }
        // a sibling whose name only starts alike does not overlap
        createVersion(other, "v1", bucketId, "farm/ab/").then().statusCode(201);
        // nor may a version lie inside another version of the same dataset
        createVersion(first, "v2", bucketId, "farm/a/v2/").then().statusCode(409);
    }

    @Test
    void publishRefusalListsEveryFailingReason() throws Exception {
        String bucketId = bucketWith("PROCESSED", Map.of("d/a.bin", TestStore.bytes(4, 10)));
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        String versionId = createVersion(datasetId, "v1", bucketId, "d/").path("id");

        as(Tokens.OPERATOR)
                .post(version(datasetId, versionId) + "/publish")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("manifest", "attestation"))
                .body("detail", containsString("has not been built"))
                .body("detail", containsString("has not been recorded"));

        as(Tokens.OPERATOR)
                .post(version(datasetId, versionId) + "/manifest")
                .then()
                .statusCode(200);
        attest(datasetId, versionId, attestation(false)).then().statusCode(200);
        as(Tokens.OPERATOR)
                .post(version(datasetId, versionId) + "/publish")
                .then()
                .statusCode(409)
                .body("violations.field", containsInAnyOrder("attestation"))
                .body("violations[0].message", equalTo("is not verified"));

        // an empty prefix gives an empty manifest, which is not publishable either
        String emptyId =
                createVersion(datasetId, "empty", bucketId, "nothing-here/").path("id");
        as(Tokens.OPERATOR)
                .post(version(datasetId, emptyId) + "/manifest")
                .then()
                .statusCode(200)
                .body("objectCount", equalTo(0));
        attest(datasetId, emptyId, attestation(true)).then().statusCode(200);
        as(Tokens.OPERATOR)
                .post(version(datasetId, emptyId) + "/publish")
                .then()
                .statusCode(409)
                .body("violations.field", containsInAnyOrder("manifest"))
                .body("detail", containsString("lists no objects"));
        as(Tokens.OPERATOR).get(version(datasetId, versionId)).then().body("status", equalTo("DRAFT"));
        assertThatThrownBy(() -> catalogue.grantable(UUID.fromString(versionId)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNPROCESSABLE));
    }

    @Test
    void rawBucketsAreNeverUsedForVersions() throws Exception {
        String raw = bucketWith("RAW", Map.of("raw/a.bin", TestStore.bytes(5, 10)));
        String sandbox = bucketWith("SANDBOX", Map.of("s/a.bin", TestStore.bytes(6, 10)));
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));

        createVersion(datasetId, "v1", raw, "raw/")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:labgate:problem:unprocessable"))
                .body("detail", containsString("RAW buckets are never grantable"))
                .body("violations.field", hasItem("bucketId"));
        createVersion(datasetId, "v1", sandbox, "s/")
                .then()
                .statusCode(422)
                .body("detail", containsString("PROCESSED"));
        createVersion(datasetId, "v1", UUID.randomUUID().toString(), "s/")
                .then()
                .statusCode(422)
                .body("detail", containsString("not registered"));
        as(Tokens.OPERATOR).get(DATASETS + "/" + datasetId + "/versions").then().body("totalItems", equalTo(0));
    }

    @Test
    void publishedVersionCannotChangeThroughTheApiNorTheDatabase() throws Exception {
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        String versionId = publishedVersion(datasetId, "v1");

        as(Tokens.OPERATOR)
                .post(version(datasetId, versionId) + "/manifest")
                .then()
                .statusCode(409)
                .body("detail", containsString("PUBLISHED"));
        attest(datasetId, versionId, attestation(false)).then().statusCode(409);
        as(Tokens.OPERATOR)
                .post(version(datasetId, versionId) + "/publish")
                .then()
                .statusCode(409);

        UUID id = UUID.fromString(versionId);
        try (Connection db = database()) {
            assertRefused(
                    db,
                    "UPDATE dataset_version SET prefix = 'elsewhere/' WHERE id = ?",
                    id,
                    "dataset_version_immutable");
            assertRefused(
                    db,
                    "UPDATE dataset_version SET deid_verified = false, status = 'RETIRED', "
                            + "retired_at = now(), retired_reason = 'x' WHERE id = ?",
                    id,
                    "dataset_version_immutable");
            assertRefused(db, "DELETE FROM dataset_version WHERE id = ?", id, "dataset_version_immutable");
            assertRefused(
                    db,
                    "UPDATE dataset_object SET sha256 = repeat('0', 64) WHERE version_id = ?",
                    id,
                    "dataset_object_frozen");
            assertRefused(db, "DELETE FROM dataset_object WHERE version_id = ?", id, "dataset_object_frozen");
            assertRefused(
                    db,
                    "INSERT INTO dataset_object VALUES (?, 'd/smuggled.bin', 1, repeat('a', 64))",
                    id,
                    "dataset_object_frozen");
        }
        as(Tokens.OPERATOR)
                .get(version(datasetId, versionId) + "/objects")
                .then()
                .body("totalItems", equalTo(2));
    }

    @Test
    void retiringAPublishedVersionFiresTheRetiredEvent() throws Exception {
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        String versionId = publishedVersion(datasetId, "v1");

        as(Tokens.OPERATOR)
                .body(Map.of("reason", "re-identification risk found"))
                .post(version(datasetId, versionId) + "/retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("retiredReason", equalTo("re-identification risk found"))
                .body("retiredAt", notNullValue());

        assertThat(events.retiredOf(UUID.fromString(versionId)))
                .containsExactly(new DatasetVersionRetired(UUID.fromString(versionId), "re-identification risk found"));
        as(Tokens.OPERATOR)
                .body(Map.of("reason", "again"))
                .post(version(datasetId, versionId) + "/retire")
                .then()
                .statusCode(409);
        assertThat(events.retiredOf(UUID.fromString(versionId))).hasSize(1);
        assertThatThrownBy(() -> catalogue.grantable(UUID.fromString(versionId)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
                    assertThat(e.getMessage()).contains("RETIRED");
                });
        // a draft cannot be retired
        String bucketId = bucketWith("PROCESSED", Map.of("x/a.bin", TestStore.bytes(7, 1)));
        String draft = createVersion(datasetId, "v2", bucketId, "x/").path("id");
        as(Tokens.OPERATOR)
                .body(Map.of("reason", "no"))
                .post(version(datasetId, draft) + "/retire")
                .then()
                .statusCode(409);
        assertThat(events.retiredOf(UUID.fromString(draft))).isEmpty();
    }

    // --- reading --------------------------------------------------------------------------------------------

    @Test
    void searchFiltersByIndustryTechnologyProviderAndText() {
        String otherTechnology = technology();
        String tag = suffix();
        String jeju = createDataset("crop-" + tag, industry, technology, List.of(DemoOrganizations.JEJU));
        String ocean = createDataset("fish-" + tag, industry, otherTechnology, List.of(DemoOrganizations.OCEAN));
        String both = createDataset(
                "mixed-" + tag, industry, technology, List.of(DemoOrganizations.JEJU, DemoOrganizations.OCEAN));

        as(Tokens.OPERATOR)
                .get(DATASETS + "?industry=" + industry)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.code", org.hamcrest.Matchers.contains("crop-" + tag, "fish-" + tag, "mixed-" + tag));
        as(Tokens.OPERATOR)
                .get(DATASETS + "?industry=" + industry + "&aiTechnology=" + technology)
                .then()
                .body("items.id", containsInAnyOrder(jeju, both));
        as(Tokens.OPERATOR)
                .get(DATASETS + "?industry=" + industry + "&provider=" + DemoOrganizations.OCEAN)
                .then()
                .body("items.id", containsInAnyOrder(ocean, both));
        as(Tokens.AUDITOR).get(DATASETS + "?q=FISH-" + tag).then().body("items.id", containsInAnyOrder(ocean));
        as(Tokens.AUDITOR)
                .get(DATASETS + "?industry=" + industry + "&sort=code,desc&size=2")
                .then()
                .body("items.id", org.hamcrest.Matchers.contains(both, ocean))
                .body("totalPages", equalTo(2));
        as(Tokens.AUDITOR)
                .get(DATASETS + "?sort=provider")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("sort"));
    }

    @Test
    void draftsAreHiddenFromAiCompaniesButVisibleToTheDatasetsProviders() throws Exception {
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        String bucketId = bucketWith("PROCESSED", Map.of("d/a.bin", TestStore.bytes(8, 5)));
        String draft = createVersion(datasetId, "draft", bucketId, "d/").path("id");
        as(Tokens.OPERATOR).post(version(datasetId, draft) + "/manifest").then().statusCode(200);

        // nothing published yet: the dataset does not exist for an AI company or another provider
        for (String outsider : List.of(Tokens.ALICE, Tokens.DAVE)) {
            as(outsider).get(DATASETS + "/" + datasetId).then().statusCode(404);
            as(outsider).get(version(datasetId, draft)).then().statusCode(404);
            as(outsider).get(version(datasetId, draft) + "/objects").then().statusCode(404);
            as(outsider).get(DATASETS + "?industry=" + industry).then().body("totalItems", equalTo(0));
        }
        // the provider whose data it is sees the dataset and its draft
        as(Tokens.CAROL).get(DATASETS + "/" + datasetId).then().statusCode(200);
        as(Tokens.CAROL).get(version(datasetId, draft)).then().statusCode(200).body("status", equalTo("DRAFT"));
        as(Tokens.CAROL)
                .get(version(datasetId, draft) + "/objects")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
        as(Tokens.CAROL).get(DATASETS + "?industry=" + industry).then().body("items.id", hasItem(datasetId));

        // once a version is published, AI companies see the dataset and that version only
        String published = publishedVersion(datasetId, "v1");
        as(Tokens.ALICE).get(DATASETS + "/" + datasetId).then().statusCode(200).header("ETag", notNullValue());
        as(Tokens.ALICE).get(DATASETS + "?industry=" + industry).then().body("items.id", hasItem(datasetId));
        as(Tokens.ALICE)
                .get(DATASETS + "/" + datasetId + "/versions")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(published));
        as(Tokens.ALICE)
                .get(version(datasetId, published) + "/objects")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2));
        as(Tokens.ALICE).get(version(datasetId, draft)).then().statusCode(404);
        as(Tokens.ALICE).get(version(datasetId, draft) + "/objects").then().statusCode(404);
        as(Tokens.CAROL)
                .get(DATASETS + "/" + datasetId + "/versions")
                .then()
                .body("items.id", containsInAnyOrder(draft, published));
    }

    @Test
    void coverageCountsPublishedDatasetsAndDistinctProvidersPerPair() throws Exception {
        String secondTechnology = technology();
        String first = createDataset("cov-a-" + suffix(), industry, technology, List.of(DemoOrganizations.JEJU));
        String second = createDataset(
                "cov-b-" + suffix(), industry, technology, List.of(DemoOrganizations.JEJU, DemoOrganizations.OCEAN));
        String draftOnly = createDataset(
                "cov-c-" + suffix(),
                industry,
                secondTechnology,
                List.of(DemoOrganizations.JEJU, DemoOrganizations.OCEAN));
        createVersion(draftOnly, "v1", bucketWith("PROCESSED", Map.of("d/a", TestStore.bytes(9, 1))), "d/");

        as(Tokens.ALICE)
                .get(COVERAGE + "?industry=" + industry + "&aiTechnology=" + technology)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].publishedDatasets", equalTo(0))
                .body("items[0].meetsProgrammeTarget", equalTo(false));

        publishedVersion(first, "v1");
        as(Tokens.CAROL)
                .get(COVERAGE + "?industry=" + industry + "&aiTechnology=" + technology)
                .then()
                .body("items[0].publishedDatasets", equalTo(1))
                .body("items[0].providers", equalTo(1))
                .body("items[0].meetsProgrammeTarget", equalTo(false));

        publishedVersion(second, "v1");
        as(Tokens.AUDITOR)
                .get(COVERAGE + "?industry=" + industry + "&aiTechnology=" + technology)
                .then()
                .body("items[0].industryCode", equalTo(industry))
                .body("items[0].aiTechnologyCode", equalTo(technology))
                .body("items[0].publishedDatasets", equalTo(2))
                .body("items[0].providers", equalTo(2))
                .body("items[0].meetsProgrammeTarget", equalTo(true));
        // a draft counts for nothing
        as(Tokens.AUDITOR)
                .get(COVERAGE + "?industry=" + industry + "&aiTechnology=" + secondTechnology)
                .then()
                .body("items[0].publishedDatasets", equalTo(0))
                .body("items[0].providers", equalTo(0));
        // every technology appears once for the industry
        as(Tokens.AUDITOR)
                .get(COVERAGE + "?industry=" + industry + "&size=100")
                .then()
                .body("items.aiTechnologyCode", hasItem(technology))
                .body("items.aiTechnologyCode", hasItem(secondTechnology));
    }

    // --- who may do what, and bad input -------------------------------------------------------------------

    @Test
    void writesNeedAnOperatorAndReadsNeedAToken() {
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        Map<String, Object> body =
                datasetBody("roles-" + suffix(), industry, technology, policyId, List.of(DemoOrganizations.JEJU));

        anonymous().get(DATASETS).then().statusCode(401).contentType("application/problem+json");
        anonymous().get(COVERAGE).then().statusCode(401);
        anonymous().body(body).post(DATASETS).then().statusCode(401);
        for (String user : List.of(Tokens.AUDITOR, Tokens.ALICE, Tokens.CAROL)) {
            as(user).body(body).post(DATASETS).then().statusCode(403);
            as(user).header("If-Match", "\"0\"")
                    .body(body)
                    .put(DATASETS + "/" + datasetId)
                    .then()
                    .statusCode(403);
            as(user).body(Map.of("label", "v1", "bucketId", UUID.randomUUID().toString(), "prefix", "a/"))
                    .post(DATASETS + "/" + datasetId + "/versions")
                    .then()
                    .statusCode(403);
            as(user).post(version(datasetId, UUID.randomUUID().toString()) + "/publish")
                    .then()
                    .statusCode(403);
        }
        as(Tokens.OPERATOR).get(DATASETS + "?q=roles-").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void badInputIsRefusedWithTheFieldsNamed() {
        Map<String, Object> invalid = datasetBody("Not A Slug", industry, technology, policyId, List.of());
        invalid.remove("title");
        as(Tokens.OPERATOR)
                .body(invalid)
                .post(DATASETS)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:labgate:problem:validation-failed"))
                .body("violations.field", containsInAnyOrder("code", "title", "providerIds"));

        Map<String, Object> unknown = datasetBody(
                "unknown-" + suffix(),
                "NO_SUCH_INDUSTRY",
                technology,
                UUID.randomUUID().toString(),
                List.of(DemoOrganizations.OCEAN, DemoOrganizations.ALPHA));
        as(Tokens.OPERATOR)
                .body(unknown)
                .post(DATASETS)
                .then()
                .statusCode(422)
                .body("violations.field", containsInAnyOrder("industryCode", "securityPolicyId", "providerIds[1]"))
                .body("detail", containsString("not DATA_PROVIDER"));

        String code = "dup-" + suffix();
        createDataset(code, industry, technology, List.of(DemoOrganizations.JEJU));
        as(Tokens.OPERATOR)
                .body(datasetBody(code, industry, technology, policyId, List.of(DemoOrganizations.JEJU)))
                .post(DATASETS)
                .then()
                .statusCode(409);

        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        as(Tokens.OPERATOR)
                .body(Map.of("label", "v1", "bucketId", UUID.randomUUID().toString(), "prefix", "a/../b/"))
                .post(DATASETS + "/" + datasetId + "/versions")
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("prefix"));
        as(Tokens.OPERATOR)
                .body(Map.of("label", "v1", "bucketId", UUID.randomUUID().toString(), "prefix", "no-slash"))
                .post(DATASETS + "/" + datasetId + "/versions")
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("prefix"));
        as(Tokens.OPERATOR).get(DATASETS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void attestationDatedInTheFutureIsRefused() throws Exception {
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        String bucketId = bucketWith("PROCESSED", Map.of("d/a.bin", TestStore.bytes(10, 3)));
        String versionId = createVersion(datasetId, "v1", bucketId, "d/").path("id");
        Map<String, Object> future = attestation(true);
        future.put("verifiedOn", LocalDate.now().plusDays(2).toString());
        attest(datasetId, versionId, future)
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("verifiedOn"));
        as(Tokens.OPERATOR)
                .body(attestation(true))
                .put(version(datasetId, versionId) + "/attestation")
                .then()
                .statusCode(428);
    }

    @Test
    void operatorUpdatesADatasetUnderOptimisticLocking() {
        String datasetId = createDataset(List.of(DemoOrganizations.JEJU));
        Response read = as(Tokens.OPERATOR).get(DATASETS + "/" + datasetId);
        String code = read.path("code");
        Map<String, Object> change = datasetBody(
                code, industry, technology, policyId, List.of(DemoOrganizations.OCEAN, DemoOrganizations.JEJU));
        change.put("title", "Renamed");
        change.put("useConditions", List.of("RESEARCH_ONLY"));

        String etag = as(Tokens.OPERATOR)
                .header("If-Match", read.header("ETag"))
                .body(change)
                .put(DATASETS + "/" + datasetId)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"))
                .body("useConditions", org.hamcrest.Matchers.contains("RESEARCH_ONLY"))
                .body(
                        "providerIds",
                        containsInAnyOrder(DemoOrganizations.JEJU.toString(), DemoOrganizations.OCEAN.toString()))
                .extract()
                .header("ETag");
        assertThat(etag).isNotEqualTo(read.header("ETag"));
        as(Tokens.OPERATOR)
                .header("If-Match", read.header("ETag"))
                .body(change)
                .put(DATASETS + "/" + datasetId)
                .then()
                .statusCode(412);
        change.put("industryCode", industry());
        as(Tokens.OPERATOR)
                .header("If-Match", etag)
                .body(change)
                .put(DATASETS + "/" + datasetId)
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("industryCode"));
        as(Tokens.OPERATOR).body(change).put(DATASETS + "/" + datasetId).then().statusCode(428);
        as(Tokens.DAVE).get(DATASETS + "/" + datasetId).then().statusCode(200); // Ocean now provides it
        as(Tokens.OPERATOR)
                .get(DATASETS + "?provider=" + DemoOrganizations.OCEAN + "&q=" + code)
                .then()
                .body("items.id", hasItem(datasetId));
        as(Tokens.OPERATOR)
                .get(DATASETS + "?provider=" + DemoOrganizations.ALPHA + "&q=" + code)
                .then()
                .body("items.id", not(hasItem(datasetId)));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private String createDataset(List<UUID> providers) {
        return createDataset("ds-" + suffix(), industry, technology, providers);
    }

    private String createDataset(String code, String industry, String technology, List<UUID> providers) {
        return as(Tokens.OPERATOR)
                .body(datasetBody(code, industry, technology, policyId, providers))
                .post(DATASETS)
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("code", equalTo(code))
                .extract()
                .path("id");
    }

    private static Response createVersion(String datasetId, String label, String bucketId, String prefix) {
        return as(Tokens.OPERATOR)
                .body(Map.of("label", label, "bucketId", bucketId, "prefix", prefix))
                .post(DATASETS + "/" + datasetId + "/versions");
    }

    private static Response attest(String datasetId, String versionId, Map<String, Object> body) {
        String etag = as(Tokens.OPERATOR).get(version(datasetId, versionId)).header("ETag");
        return as(Tokens.OPERATOR)
                .header("If-Match", etag)
                .body(body)
                .put(version(datasetId, versionId) + "/attestation");
    }

    /** A PUBLISHED version of two objects in a fresh PROCESSED bucket. */
    private static String publishedVersion(String datasetId, String label) throws Exception {
        String bucketId = bucketWith(
                "PROCESSED", Map.of("d/a.bin", TestStore.bytes(11, 100), "d/b.bin", TestStore.bytes(12, 50)));
        String versionId = createVersion(datasetId, label, bucketId, "d/")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Tokens.OPERATOR)
                .post(version(datasetId, versionId) + "/manifest")
                .then()
                .statusCode(200);
        attest(datasetId, versionId, attestation(true)).then().statusCode(200);
        as(Tokens.OPERATOR)
                .post(version(datasetId, versionId) + "/publish")
                .then()
                .statusCode(200);
        return versionId;
    }

    private static String version(String datasetId, String versionId) {
        return DATASETS + "/" + datasetId + "/versions/" + versionId;
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                EmbeddedLabTestResource.lab().postgres().jdbcUrl("labgate"),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    private static void assertRefused(Connection db, String sql, UUID id, String rule) {
        assertThatThrownBy(() -> {
                    try (PreparedStatement statement = db.prepareStatement(sql)) {
                        statement.setObject(1, id);
                        statement.executeUpdate();
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(rule);
    }
}
