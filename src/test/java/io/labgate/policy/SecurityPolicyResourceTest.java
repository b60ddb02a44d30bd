package io.labgate.policy;

import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.EmbeddedPostgresServer;
import io.labgate.platform.error.ApiException;
import io.labgate.policy.web.SecurityPolicyResponse;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityPolicyResourceTest {

    private static final String POLICIES = "/api/v1/policies";

    @Inject
    SecurityPolicyService service;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The terms of a version, without the code. */
    static Map<String, Object> terms() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Standard de-identified data");
        body.put("description", "For processed, de-identified datasets");
        body.put("maxGrantDays", 90);
        body.put("maxLinkSeconds", 900);
        body.put("allowedModes", List.of("STREAM", "S3_ENDPOINT"));
        body.put("allowedNetworks", List.of("10.20.0.0/16", "2001:DB8:1:0::/48"));
        body.put("consentRequired", true);
        body.put("termsVersion", "2026-1");
        body.put("maxConcurrentGrants", 3);
        body.put("byteQuotaPerGrant", 1_099_511_627_776L);
        return body;
    }

    static Map<String, Object> policy(String code) {
        Map<String, Object> body = terms();
        body.put("code", code);
        return body;
    }

    private static Response create(Map<String, Object> body) {
        return as(Tokens.OPERATOR).body(body).post(POLICIES);
    }

    private static String createPolicy() {
        String code = unique("pol");
        create(policy(code)).then().statusCode(201);
        return code;
    }

    private static String version(String code, int n) {
        return POLICIES + "/" + code + "/versions/" + n;
    }

    @Test
    void operatorCreatesVersionOne() {
        String code = unique("pol");
        as(Tokens.OPERATOR)
                .body(policy(code))
                .post(POLICIES)
                .then()
                .statusCode(201)
                .header("Location", endsWith(version(code, 1)))
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("code", equalTo(code))
                .body("versionNo", equalTo(1))
                .body("allowedModes", equalTo(List.of("STREAM", "S3_ENDPOINT")))
                .body("allowedNetworks", equalTo(List.of("10.20.0.0/16", "2001:db8:1::/48")))
                .body("consentRequired", equalTo(true))
                .body("byteQuotaPerGrant", equalTo(1_099_511_627_776L))
                .body("createdBy", equalTo(Tokens.OPERATOR))
                .body("createdAt", notNullValue())
                .body("lockedAt", nullValue());
    }

    @Test
    void exportTermsLeftOutAreTheDefaultsAndGivenOnesAreKept() {
        create(policy(unique("pol")))
                .then()
                .statusCode(201)
                .body("exports.approvals", equalTo(2))
                .body("exports.maxFiles", equalTo(1000))
                .body("exports.maxBytes", equalTo(20L << 30))
                .body("exports.fileTypes", hasItems("safetensors", "csv", "zip"))
                .body("exports.releaseHours", equalTo(72))
                .body("exports.attestationDays", equalTo(14));

        Map<String, Object> strict = policy(unique("pol"));
        strict.put("exports", Map.of("approvals", 3, "fileTypes", List.of("CSV", "json", "csv"), "attestationDays", 7));
        create(strict)
                .then()
                .statusCode(201)
                .body("exports.approvals", equalTo(3))
                .body("exports.fileTypes", equalTo(List.of("csv", "json")))
                .body("exports.attestationDays", equalTo(7))
                .body("exports.releaseHours", equalTo(72));

        Map<String, Object> wrong = policy(unique("pol"));
        wrong.put("exports", Map.of("approvals", 0, "fileTypes", List.of("tar.gz"), "attestationDays", 366));
        create(wrong)
                .then()
                .statusCode(400)
                .body(
                        "violations.field",
                        hasItems("exports.approvals", "exports.attestationDays", "exports.fileTypes[0]"));
    }

    @Test
    void anyRoleReadsAVersionWithItsETag() {
        String code = createPolicy();
        for (String user : List.of(Tokens.OPERATOR, Tokens.AUDITOR, Tokens.ALICE, Tokens.CAROL)) {
            as(user).get(version(code, 1))
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"0\"")
                    .body("code", equalTo(code))
                    .body("maxLinkSeconds", equalTo(900));
        }
        as(Tokens.BOB)
                .get(POLICIES + "/" + code)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .header("Content-Location", endsWith(version(code, 1)))
                .body("versionNo", equalTo(1));
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = createPolicy();
        create(policy(code))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:conflict"))
                .body("detail", containsString("/versions"));
    }

    @Test
    void operatorCreatesNextVersion() {
        String code = createPolicy();
        Map<String, Object> stricter = terms();
        stricter.put("maxGrantDays", 30);
        stricter.put("allowedModes", List.of("STREAM"));
        as(Tokens.OPERATOR)
                .body(stricter)
                .post(POLICIES + "/" + code + "/versions")
                .then()
                .statusCode(201)
                .header("Location", endsWith(version(code, 2)))
                .header("ETag", "\"0\"")
                .body("code", equalTo(code))
                .body("versionNo", equalTo(2))
                .body("maxGrantDays", equalTo(30));
        as(Tokens.OPERATOR)
                .body(terms())
                .post(POLICIES + "/" + code + "/versions")
                .then()
                .statusCode(201)
                .body("versionNo", equalTo(3));

        as(Tokens.ALICE).get(POLICIES + "/" + code).then().statusCode(200).body("versionNo", equalTo(3));
        as(Tokens.ALICE)
                .get(version(code, 2))
                .then()
                .statusCode(200)
                .body("maxGrantDays", equalTo(30))
                .body("allowedModes", equalTo(List.of("STREAM")));
        // the earlier versions are untouched
        as(Tokens.ALICE).get(version(code, 1)).then().statusCode(200).body("maxGrantDays", equalTo(90));

        List<Integer> numbers = as(Tokens.CAROL)
                .get(POLICIES + "/" + code + "/versions")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .extract()
                .path("items.versionNo");
        assertThat(numbers).containsExactly(1, 2, 3);
        List<Integer> newestFirst = as(Tokens.CAROL)
                .get(POLICIES + "/" + code + "/versions?sort=versionNo,desc&size=2")
                .then()
                .statusCode(200)
                .body("totalPages", equalTo(2))
                .extract()
                .path("items.versionNo");
        assertThat(newestFirst).containsExactly(3, 2);

        as(Tokens.OPERATOR)
                .body(terms())
                .post(POLICIES + "/" + unique("nope") + "/versions")
                .then()
                .statusCode(404);
    }

    @Test
    void listShowsOnlyTheNewestVersionOfEachPolicy() {
        String versioned = createPolicy();
        as(Tokens.OPERATOR)
                .body(terms())
                .post(POLICIES + "/" + versioned + "/versions")
                .then()
                .statusCode(201);
        String open = unique("pol");
        Map<String, Object> noConsent = policy(open);
        noConsent.put("consentRequired", false);
        create(noConsent).then().statusCode(201);

        List<Map<String, Object>> items = as(Tokens.AUDITOR)
                .get(POLICIES + "?size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(items)
                .filteredOn(p -> versioned.equals(p.get("code")))
                .extracting(p -> p.get("versionNo"))
                .containsExactly(2);
        assertThat(items)
                .filteredOn(p -> open.equals(p.get("code")))
                .extracting(p -> p.get("versionNo"))
                .containsExactly(1);
        List<String> codes = items.stream().map(p -> (String) p.get("code")).toList();
        assertThat(codes).doesNotHaveDuplicates();

        as(Tokens.ALICE)
                .get(POLICIES + "?consentRequired=false&size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(open))
                .body("items.code", not(hasItem(versioned)))
                .body("items.consentRequired", not(hasItem(true)));
        List<String> sorted = as(Tokens.ALICE)
                .get(POLICIES + "?consentRequired=true&size=100&sort=code")
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        assertThat(sorted).isSorted();

        as(Tokens.ALICE)
                .get(POLICIES + "?sort=byteQuotaPerGrant")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("sort"));
        as(Tokens.ALICE).get(POLICIES + "?size=101").then().statusCode(400).body("violations.field", hasItem("size"));
    }

    @Test
    void updatesOfAnUnlockedVersionNeedTheCurrentETag() {
        String code = createPolicy();
        Map<String, Object> change = terms();
        change.put("title", "Renamed");
        change.put("allowedNetworks", List.of());

        as(Tokens.OPERATOR)
                .body(change)
                .put(version(code, 1))
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:precondition-required"));
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(version(code, 1))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Renamed"))
                .body("allowedNetworks", equalTo(List.of()))
                .body("versionNo", equalTo(1));
        // a second writer who read version 0 loses
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(version(code, 1))
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .get(version(code, 1))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Renamed"));
        as(Tokens.OPERATOR)
                .header("If-Match", "\"1\"")
                .body(change)
                .put(version(code, 9))
                .then()
                .statusCode(404);
    }

    @Test
    void lockedVersionCannotBeUpdated() {
        String code = createPolicy();
        UUID id = UUID.fromString(as(Tokens.OPERATOR).get(version(code, 1)).path("id"));

        SecurityPolicyResponse locked = service.lockForUse(id);
        assertThat(locked.lockedAt()).isNotNull();
        assertThat(locked.version()).isEqualTo(1);
        // idempotent: locking again keeps the first lock
        SecurityPolicyResponse again = service.lockForUse(id);
        assertThat(again.lockedAt()).isEqualTo(locked.lockedAt());
        assertThat(again.version()).isEqualTo(1);
        assertThat(service.findVersion(id)).isEqualTo(again);

        as(Tokens.OPERATOR)
                .get(version(code, 1))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("lockedAt", notNullValue());
        Map<String, Object> change = terms();
        change.put("maxGrantDays", 365);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"1\"")
                .body(change)
                .put(version(code, 1))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:conflict"))
                .body("detail", containsString("in use"))
                .body("detail", containsString("new version"));
        as(Tokens.OPERATOR).get(version(code, 1)).then().body("maxGrantDays", equalTo(90));

        // the way to change it: a new version, which starts unlocked
        as(Tokens.OPERATOR)
                .body(change)
                .post(POLICIES + "/" + code + "/versions")
                .then()
                .statusCode(201)
                .body("versionNo", equalTo(2))
                .body("lockedAt", nullValue())
                .body("maxGrantDays", equalTo(365));
    }

    @Test
    void unknownVersionIdIsNotFoundInTheService() {
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> service.findVersion(missing))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> service.lockForUse(missing))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void databaseRefusesToChangeALockedRow() throws SQLException {
        String code = createPolicy();
        UUID id = UUID.fromString(as(Tokens.OPERATOR).get(version(code, 1)).path("id"));
        try (Connection db = database()) {
            // unlocked: the database lets the row change (except its identity)
            assertThat(execute(db, "UPDATE security_policy SET title = 'Edited by SQL' WHERE id = ?", id))
                    .isEqualTo(1);
            assertThatThrownBy(() -> execute(db, "UPDATE security_policy SET version_no = 7 WHERE id = ?", id))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("security_policy_identity");

            service.lockForUse(id);

            assertThatThrownBy(() -> execute(db, "UPDATE security_policy SET title = 'Sneaky' WHERE id = ?", id))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("security_policy_locked")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23001"));
            assertThatThrownBy(() -> execute(db, "UPDATE security_policy SET locked_at = NULL WHERE id = ?", id))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("security_policy_locked");
            assertThatThrownBy(() -> execute(db, "DELETE FROM security_policy WHERE id = ?", id))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("security_policy_locked");

            try (PreparedStatement read =
                    db.prepareStatement("SELECT title, locked_at FROM security_policy WHERE id = ?")) {
                read.setObject(1, id);
                try (ResultSet row = read.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("title")).isEqualTo("Edited by SQL");
                    assertThat(row.getTimestamp("locked_at")).isNotNull();
                }
            }
        }
    }

    @Test
    void databaseRefusesTermsOutsideTheRules() throws SQLException {
        String code = createPolicy();
        UUID id = UUID.fromString(as(Tokens.OPERATOR).get(version(code, 1)).path("id"));
        try (Connection db = database()) {
            for (String change : List.of(
                    "max_grant_days = 0",
                    "max_link_seconds = 59",
                    "allowed_modes = '{}'",
                    "allowed_modes = '{FTP}'",
                    "allowed_networks = '{10.1.2.3/8}'",
                    "allowed_networks = '{example.com}'",
                    "byte_quota_per_grant = 1125899906842625",
                    "max_concurrent_grants = 101",
                    "terms_version = '2026 1'",
                    "title = ' '")) {
                assertThatThrownBy(() -> execute(db, "UPDATE security_policy SET " + change + " WHERE id = ?", id))
                        .as(change)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).startsWith("23"));
            }
        }
    }

    @Test
    void invalidNetworksAreAllReported() {
        Map<String, Object> body = policy(unique("net"));
        body.put("allowedNetworks", List.of("10.1.2.3/8", "192.168.0.0/16", "lab.example.com/24", "::/129", ""));
        create(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:validation-failed"))
                .body(
                        "violations.field",
                        equalTo(List.of(
                                "allowedNetworks[0]",
                                "allowedNetworks[2]",
                                "allowedNetworks[3]",
                                "allowedNetworks[4]")))
                .body("violations[0].message", containsString("10.0.0.0/8"));

        Map<String, Object> tooMany = policy(unique("net"));
        tooMany.put(
                "allowedNetworks",
                IntStream.range(0, 51).mapToObj(i -> "10.0." + i + ".0/24").toList());
        create(tooMany).then().statusCode(400).body("violations.field", hasItem("allowedNetworks"));

        Map<String, Object> normalised = policy(unique("net"));
        normalised.put(
                "allowedNetworks", List.of("192.168.1.7", "::ffff:10.0.0.0/104", "10.0.0.0/8", "2001:0db8:0000::/32"));
        create(normalised)
                .then()
                .statusCode(201)
                .body("allowedNetworks", equalTo(List.of("192.168.1.7/32", "10.0.0.0/8", "2001:db8::/32")));
    }

    @Test
    void invalidBodiesAnswerProblemsWithEachField() {
        Map<String, Object> body = policy("Bad_Code");
        body.put("maxGrantDays", 0);
        body.put("maxLinkSeconds", 59);
        body.put("allowedModes", List.of());
        body.put("termsVersion", "2026 1");
        body.put("maxConcurrentGrants", 101);
        body.put("byteQuotaPerGrant", (1L << 50) + 1);
        body.put("title", " ");
        body.remove("consentRequired");
        body.remove("allowedNetworks");
        create(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:validation-failed"))
                .body(
                        "violations.field",
                        hasItems(
                                "code",
                                "maxGrantDays",
                                "maxLinkSeconds",
                                "allowedModes",
                                "termsVersion",
                                "maxConcurrentGrants",
                                "byteQuotaPerGrant",
                                "title",
                                "consentRequired",
                                "allowedNetworks"))
                .body("requestId", notNullValue());

        Map<String, Object> longLink = policy(unique("bad"));
        longLink.put("maxLinkSeconds", 86_401);
        longLink.put("maxGrantDays", 366);
        create(longLink).then().statusCode(400).body("violations.field", hasItems("maxLinkSeconds", "maxGrantDays"));

        Map<String, Object> unknownMode = policy(unique("bad"));
        unknownMode.put("allowedModes", List.of("FTP"));
        create(unknownMode).then().statusCode(400).body("violations.field", hasItem(startsWith("allowedModes")));

        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        Map<String, Object> nullMode = policy(unique("bad"));
        nullMode.put("allowedModes", withNull);
        create(nullMode).then().statusCode(400).body("violations.field", hasItem("allowedModes"));

        Map<String, Object> unknown = policy(unique("unk"));
        unknown.put("colour", "blue");
        create(unknown).then().statusCode(400).body("violations.field", hasItem("colour"));

        // the code is in the path of a next version, not in its body
        String code = createPolicy();
        as(Tokens.OPERATOR)
                .body(policy(code))
                .post(POLICIES + "/" + code + "/versions")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("code"));
        Map<String, Object> badUpdate = terms();
        badUpdate.put("maxGrantDays", -1);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(badUpdate)
                .put(version(code, 1))
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("maxGrantDays"));

        as(Tokens.OPERATOR)
                .body("{\"code\": ")
                .post(POLICIES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void presignedLinksAreNotOfferedWithNetworksTheyWouldEscape() {
        Map<String, Object> body = policy(unique("links-nets"));
        body.put("allowedModes", List.of("STREAM", "PRESIGNED_URL"));
        create(body)
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("allowedModes"))
                .body("detail", containsString("PRESIGNED_URL cannot be offered with allowedNetworks"));
        body.put("allowedNetworks", List.of());
        create(body).then().statusCode(201);
    }

    @Test
    void rolesAreEnforced() {
        String code = createPolicy();
        anonymous()
                .get(POLICIES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        anonymous().get(version(code, 1)).then().statusCode(401);
        anonymous().body(policy(unique("anon"))).post(POLICIES).then().statusCode(401);

        for (String reader : List.of(Tokens.ALICE, Tokens.CAROL, Tokens.AUDITOR)) {
            as(reader).get(POLICIES).then().statusCode(200);
            as(reader).get(POLICIES + "/" + code).then().statusCode(200);
            as(reader).get(POLICIES + "/" + code + "/versions").then().statusCode(200);
            as(reader).get(version(code, 1)).then().statusCode(200);

            as(reader)
                    .body(policy(unique("nope")))
                    .post(POLICIES)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            as(reader)
                    .body(terms())
                    .post(POLICIES + "/" + code + "/versions")
                    .then()
                    .statusCode(403);
            as(reader)
                    .header("If-Match", "\"0\"")
                    .body(terms())
                    .put(version(code, 1))
                    .then()
                    .statusCode(403);
        }
        // nothing the readers tried changed anything
        as(Tokens.OPERATOR).get(POLICIES + "/" + code + "/versions").then().body("totalItems", equalTo(1));
        as(Tokens.OPERATOR).get(version(code, 1)).then().header("ETag", "\"0\"");
    }

    @Test
    void unknownPolicyIsNotFound() {
        as(Tokens.OPERATOR)
                .get(POLICIES + "/" + unique("none"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .get(POLICIES + "/" + unique("none") + "/versions")
                .then()
                .statusCode(404);
        String code = createPolicy();
        as(Tokens.OPERATOR).get(version(code, 2)).then().statusCode(404);
        as(Tokens.OPERATOR)
                .get(POLICIES + "/" + code + "/versions/two")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                EmbeddedLabTestResource.lab().postgres().jdbcUrl("labgate"),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    private static int execute(Connection db, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, id);
            return statement.executeUpdate();
        }
    }
}
