package io.labgate.export;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.KeycloakAdmin;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The export review with real artifacts in the embedded store, real tokens from the real Keycloak: Alpha (alice)
 * exports from its sandbox prefix what it derived from a dataset of Jeju (carol); the operator and carol review.
 */
@QuarkusTest
class ExportReviewTest {

    private static final String EXPORTS = "/api/v1/exports";
    private static final String ARCHIVE = "lg-export-archive";
    private static final String CSV = "plot,leaf,disease\nP-0107,17,blight\nP-0108,21,healthy\nP-0109,5,rust\n";

    private static String sandbox;

    @Inject
    DemoOrganizations demo;

    @Inject
    ExportArchiveJob archiveJob;

    private ApprovedGrants.Approved grant;
    private byte[] datasetObject;

    @BeforeEach
    void lab() throws Exception {
        ApprovedGrants.organizations(demo);
        buckets();
        datasetObject = TestStore.bytes(UUID.randomUUID().getMostSignificantBits(), 4096);
        grant = ApprovedGrants.grant(
                ApprovedGrants.allModes(),
                Map.of("d/leaf.bin", datasetObject, "d/plots.csv", CSV.getBytes(StandardCharsets.UTF_8)),
                List.of("STREAM"),
                Duration.ofDays(30));
    }

    @Test
    void anArtifactThatIsADatasetObjectIsRefusedRenamedAndInsideAZip() throws Exception {
        String renamed = prefix();
        put(renamed + "model/weights.safetensors", datasetObject);
        submit(renamed)
                .then()
                .statusCode(201)
                .body("status", equalTo("REFUSED"))
                .body("refusal", equalTo("DATASET_OBJECT"))
                .body("findings.path", hasItem("model/weights.safetensors"));

        String zipped = prefix();
        put(
                zipped + "results.zip",
                zip(Map.of(
                        "inner/leaf-copy.bin", datasetObject, "notes.txt", "fine".getBytes(StandardCharsets.UTF_8))));
        String id = submit(zipped)
                .then()
                .statusCode(201)
                .body("status", equalTo("REFUSED"))
                .body("refusal", equalTo("DATASET_OBJECT"))
                .body("findings.path", hasItem("results.zip!/inner/leaf-copy.bin"))
                .extract()
                .path("id");
        // refused: never downloadable by the company, kept for the operator
        as(Tokens.ALICE)
                .get(EXPORTS + "/" + id + "/artifacts/results.zip")
                .then()
                .statusCode(403)
                .body("code", equalTo("EXPORT_NOT_RELEASED"));
        as(Tokens.OPERATOR)
                .get(EXPORTS + "/" + id + "/artifacts/results.zip")
                .then()
                .statusCode(200);
        as(Tokens.OPERATOR)
                .body(Map.of("verdict", "APPROVE", "reason", "looks fine"))
                .post(EXPORTS + "/" + id + "/reviews")
                .then()
                .statusCode(409)
                .body("code", equalTo("EXPORT_NOT_IN_REVIEW"));
    }

    @Test
    void aCopiedCsvRowIsFlaggedForTheReviewers() throws Exception {
        String prefix = prefix();
        put(
                prefix + "eval/predictions.csv",
                ("plot,predicted\nP-0108,21,healthy\nP-9999,healthy\n").getBytes(StandardCharsets.UTF_8));
        submit(prefix)
                .then()
                .statusCode(201)
                .body("status", equalTo("IN_REVIEW"))
                .body("findings.find { it.kind == 'DATASET_ROWS' }.path", equalTo("eval/predictions.csv"))
                .body("findings.find { it.kind == 'DATASET_ROWS' }.refuses", equalTo(false));
    }

    @Test
    void aCleanExportNeedsTheOperatorAndTheProviderAndIsDownloadableForItsWindowOnly() throws Exception {
        String prefix = prefix();
        byte[] metrics = "{\"accuracy\": 0.93, \"f1\": 0.91}".getBytes(StandardCharsets.UTF_8);
        put(prefix + "metrics.json", metrics);
        String id = submit(prefix)
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("status", equalTo("IN_REVIEW"))
                .body("approvalsNeeded", equalTo(2))
                .body("providerIds", equalTo(List.of(DemoOrganizations.JEJU.toString())))
                .body("artifacts[0].sha256", equalTo(TestStore.sha256(metrics)))
                .extract()
                .path("id");
        String artifact = EXPORTS + "/" + id + "/artifacts/metrics.json";
        as(Tokens.ALICE).get(artifact).then().statusCode(403).body("code", equalTo("EXPORT_NOT_RELEASED"));
        // the provider involved reads what it reviews; another provider sees nothing
        as(Tokens.CAROL).get(artifact).then().statusCode(200);
        as(Tokens.DAVE).get(EXPORTS + "/" + id).then().statusCode(404);
        as(Tokens.BOB).get(EXPORTS + "/" + id).then().statusCode(404);

        review(Tokens.OPERATOR, id, "APPROVE").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        review(Tokens.OPERATOR, id, "APPROVE").then().statusCode(409).body("code", equalTo("ALREADY_REVIEWED"));
        review(Tokens.CAROL, id, "APPROVE")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("releasedUntil", notNullValue())
                .body("reviews.role", equalTo(List.of("OPERATOR", "PROVIDER")));

        byte[] downloaded =
                as(Tokens.ALICE).get(artifact).then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(metrics);
        assertThat(events(id, "EXPORT_DOWNLOADED"))
                .as("carol's review read and alice's download")
                .isEqualTo(2);
        assertThat(events(id, "EXPORT_RELEASED")).isEqualTo(1);
        assertThat(events(id, "EXPORT_REVIEWED")).isEqualTo(2);

        // the window ends: no more downloads by the company, the original leaves the sandbox, the copy stays
        sql("UPDATE export_request SET released_until = now() - interval '1 second' WHERE id = ?", id);
        as(Tokens.ALICE).get(artifact).then().statusCode(403).body("code", equalTo("EXPORT_NOT_RELEASED"));
        assertThat(archiveJob.run()).isGreaterThanOrEqualTo(1);
        as(Tokens.ALICE).get(EXPORTS + "/" + id).then().statusCode(200).body("status", equalTo("ARCHIVED"));
        assertThatThrownBy(() -> TestStore.minio()
                        .statObject(StatObjectArgs.builder()
                                .bucket(sandbox)
                                .object(prefix + "metrics.json")
                                .build()))
                .hasMessageContaining("Object does not exist");
        try (var copy = TestStore.minio()
                .getObject(GetObjectArgs.builder()
                        .bucket(ARCHIVE)
                        .object("exports/" + id + "/r1/metrics.json")
                        .build())) {
            assertThat(copy.readAllBytes()).isEqualTo(metrics);
        }
        assertThat(events(id, "EXPORT_ARCHIVED")).isEqualTo(1);
        assertThat(archiveJob.run()).isZero();
    }

    @Test
    void aProvidersVetoRefusesIt() throws Exception {
        String prefix = prefix();
        put(prefix + "summary.md", "Yield model, summary only".getBytes(StandardCharsets.UTF_8));
        String id = submit(prefix).then().statusCode(201).extract().path("id");
        review(Tokens.OPERATOR, id, "APPROVE").then().statusCode(200);
        review(Tokens.CAROL, id, "REFUSE")
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("refusal", equalTo("PROVIDER_VETO"));
        as(Tokens.ALICE)
                .get(EXPORTS + "/" + id + "/artifacts/summary.md")
                .then()
                .statusCode(403);
    }

    @Test
    void aReviewerFromTheRequestingCompanyIsRefused() throws Exception {
        String prefix = prefix();
        put(prefix + "summary.md", "Yield model, summary only".getBytes(StandardCharsets.UTF_8));
        String id = submit(prefix).then().statusCode(201).extract().path("id");
        // the company's own people cannot review at all
        review(Tokens.ALICE, id, "APPROVE").then().statusCode(403);
        // nor can an operator who belongs to it
        String insider = operatorOf(DemoOrganizations.ALPHA);
        RestAssured.given()
                .auth()
                .oauth2(insider)
                .contentType("application/json")
                .body(Map.of("verdict", "APPROVE", "reason", "ours, so fine"))
                .post(EXPORTS + "/" + id + "/reviews")
                .then()
                .statusCode(403)
                .body("code", equalTo("REVIEWER_CONFLICT"));
        as(Tokens.OPERATOR).get(EXPORTS + "/" + id).then().body("reviews.size()", equalTo(0));
    }

    @Test
    void askedForChangesTheCompanyAsksAgainAsANewRound() throws Exception {
        String prefix = prefix();
        put(prefix + "predictions.csv", "plot,predicted\nP-0108,21,healthy\n".getBytes(StandardCharsets.UTF_8));
        String id = submit(prefix).then().statusCode(201).extract().path("id");
        review(Tokens.CAROL, id, "ASK_CHANGES").then().statusCode(200).body("status", equalTo("CHANGES_REQUESTED"));
        put(prefix + "predictions.csv", "plot,predicted\nP-9999,healthy\n".getBytes(StandardCharsets.UTF_8));
        as(Tokens.ALICE)
                .post(EXPORTS + "/" + id + "/resubmission")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("round", equalTo(2))
                .body("findings.size()", equalTo(0))
                .body("reviews.round", equalTo(List.of(1)));
        as(Tokens.ALICE).post(EXPORTS + "/" + id + "/resubmission").then().statusCode(409);
    }

    @Test
    void onlyTheCompanysOwnSandboxAndGrantsCanBeExported() {
        Map<String, Object> body = body("b1000000-0000-4000-8000-000000000001/", grant.grantId());
        as(Tokens.ALICE).body(body).post(EXPORTS).then().statusCode(422).body("violations.field", hasItem("prefix"));
        as(Tokens.BOB)
                .body(body(DemoOrganizations.BETA + "/x/", grant.grantId()))
                .post(EXPORTS)
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("grantIds[0]"));
        as(Tokens.ALICE)
                .body(body(DemoOrganizations.ALPHA + "/nothing-here-" + UUID.randomUUID() + "/", grant.grantId()))
                .post(EXPORTS)
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTHING_TO_EXPORT"));
    }

    @Test
    void theReportCountsWhatWasAskedApprovedAndRefusedByReason() throws Exception {
        Map<String, Long> before = reportOfAlpha();

        String refused = prefix();
        put(refused + "weights.bin", datasetObject);
        submit(refused).then().statusCode(201).body("refusal", equalTo("DATASET_OBJECT"));

        String vetoed = prefix();
        put(vetoed + "summary.md", "summary".getBytes(StandardCharsets.UTF_8));
        String vetoedId = submit(vetoed).then().statusCode(201).extract().path("id");
        review(Tokens.CAROL, vetoedId, "REFUSE").then().statusCode(200);

        String released = prefix();
        byte[] model = TestStore.bytes(7, 1536);
        put(released + "model.safetensors", model);
        String releasedId = submit(released).then().statusCode(201).extract().path("id");
        review(Tokens.OPERATOR, releasedId, "APPROVE").then().statusCode(200);
        review(Tokens.CAROL, releasedId, "APPROVE").then().statusCode(200).body("status", equalTo("APPROVED"));

        Map<String, Long> after = reportOfAlpha();
        assertThat(after.get("exportsRequested") - before.get("exportsRequested"))
                .isEqualTo(3);
        assertThat(after.get("exportsApproved") - before.get("exportsApproved")).isEqualTo(1);
        assertThat(after.get("exportsRefused") - before.get("exportsRefused")).isEqualTo(2);
        assertThat(after.get("refusedDatasetObject") - before.get("refusedDatasetObject"))
                .isEqualTo(1);
        assertThat(after.get("vetoedByProvider") - before.get("vetoedByProvider"))
                .isEqualTo(1);
        assertThat(after.get("bytesReleased") - before.get("bytesReleased")).isEqualTo(model.length);
    }

    /** Alpha's row of today's exports section, grouped by organization (every count 0 when it has none yet). */
    private static Map<String, Long> reportOfAlpha() {
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).toString();
        io.restassured.path.json.JsonPath table = as(Tokens.OPERATOR)
                .queryParam("from", today)
                .queryParam("to", today)
                .queryParam("groupBy", "ORGANIZATION")
                .get("/api/v1/reports/exports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> row = table.getMap("section.rows.find { it.group == '" + DemoOrganizations.ALPHA + "' }");
        Map<String, Long> counts = new HashMap<>();
        for (String key : List.of(
                "exportsRequested",
                "exportsApproved",
                "exportsRefused",
                "refusedDatasetObject",
                "vetoedByProvider",
                "bytesReleased")) {
            counts.put(key, row == null ? 0L : ((Number) row.get(key)).longValue());
        }
        return counts;
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private Response submit(String prefix) {
        return as(Tokens.ALICE).body(body(prefix, grant.grantId())).post(EXPORTS);
    }

    private static Map<String, Object> body(String prefix, String grantId) {
        Map<String, Object> body = new HashMap<>();
        body.put("sandboxBucket", sandbox);
        body.put("prefix", prefix);
        body.put("purpose", "Crop-disease classifier for the pilot farm");
        body.put("grantIds", List.of(grantId));
        return body;
    }

    private static Response review(String user, String id, String verdict) {
        return as(user).body(Map.of("verdict", verdict, "reason", "reviewed by " + user))
                .post(EXPORTS + "/" + id + "/reviews");
    }

    private static String prefix() {
        return DemoOrganizations.ALPHA + "/run-" + UUID.randomUUID() + "/";
    }

    private static void put(String key, byte[] content) throws Exception {
        TestStore.minio()
                .putObject(PutObjectArgs.builder().bucket(sandbox).object(key).stream(
                                new ByteArrayInputStream(content), content.length, -1)
                        .build());
    }

    private static byte[] zip(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey()));
                zip.write(member.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A sandbox bucket of this class and the archive bucket of the test configuration, made and registered once. */
    private static synchronized void buckets() throws Exception {
        if (sandbox == null) {
            sandbox = "lg-sandbox-" + PublishedDatasets.suffix();
            register(sandbox, "SANDBOX");
        }
        if (!TestStore.minio()
                .bucketExists(BucketExistsArgs.builder().bucket(ARCHIVE).build())) {
            register(ARCHIVE, "ARCHIVE");
        }
    }

    private static void register(String name, String purpose) throws Exception {
        TestStore.minio().makeBucket(MakeBucketArgs.builder().bucket(name).build());
        as(Tokens.OPERATOR)
                .body(Map.of("name", name, "purpose", purpose, "quotaBytes", 1_000_000_000L, "mode", "REGISTER"))
                .post("/api/v1/buckets")
                .then()
                .statusCode(201);
    }

    private static long events(String exportId, String action) throws Exception {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement count = db.prepareStatement(
                        "SELECT count(*) FROM usage_event WHERE action = ? AND object_key LIKE ?")) {
            count.setString(1, action);
            count.setString(2, "exports/" + exportId + "%");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void sql(String statement, String id) throws Exception {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement update = db.prepareStatement(statement)) {
            update.setObject(1, UUID.fromString(id));
            update.executeUpdate();
        }
    }

    /** A real token of a new user of the realm who is an operator and belongs to {@code organization}. */
    private static String operatorOf(UUID organization) {
        String admin = KeycloakAdmin.masterToken();
        String realm = KeycloakAdmin.url() + "/admin/realms/labgate";
        String username = "insider-" + PublishedDatasets.suffix();
        Map<String, Object> user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "emailVerified",
                true,
                "email",
                username + "@alpha.example",
                "firstName",
                "Inside",
                "lastName",
                "Operator",
                "attributes",
                Map.of("org_id", List.of(organization.toString())),
                "credentials",
                List.of(Map.of("type", "password", "value", Tokens.PASSWORD, "temporary", false)));
        RestAssured.given()
                .auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(user)
                .post(realm + "/users")
                .then()
                .statusCode(201);
        String userId = RestAssured.given()
                .auth()
                .oauth2(admin)
                .get(realm + "/users?exact=true&username=" + username)
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        Object role = RestAssured.given()
                .auth()
                .oauth2(admin)
                .get(realm + "/roles/operator")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        RestAssured.given()
                .auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(List.of(role))
                .post(realm + "/users/" + userId + "/role-mappings/realm")
                .then()
                .statusCode(204);
        return KeycloakAdmin.token(
                "labgate",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "labgate-cli",
                        "username",
                        username,
                        "password",
                        Tokens.PASSWORD));
    }
}
