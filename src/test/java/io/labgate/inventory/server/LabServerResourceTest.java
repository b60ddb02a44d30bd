package io.labgate.inventory.server;

import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LabServerResourceTest {

    private static final String SERVERS = "/api/v1/servers";

    static Map<String, Object> gpuServer(String name) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("hostname", name + ".lab.internal");
        body.put("assetTag", "TAG-" + name.toUpperCase(Locale.ROOT));
        body.put("kind", "GPU");
        body.put("cpuCores", 64);
        body.put("memoryGib", 512);
        body.put("gpuModel", "NVIDIA A100");
        body.put("gpuCount", 8);
        body.put("gpuMemoryGib", 80);
        body.put("location", "Rack B2");
        body.put("networkZone", "lab-secure");
        return body;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response create(Map<String, Object> body) {
        return as(Tokens.OPERATOR).body(body).post(SERVERS);
    }

    @Test
    void operatorRegistersReadsAndListsAServer() {
        String name = unique("gpu");
        Response created = create(gpuServer(name));
        created.then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo("AVAILABLE"))
                .body("gpuCount", equalTo(8));
        String id = created.path("id");

        as(Tokens.ALICE)
                .get(SERVERS + "/" + id)
                .then()
                .statusCode(200)
                .body("hostname", equalTo(name + ".lab.internal"));
        as(Tokens.CAROL)
                .get(SERVERS + "?kind=GPU&networkZone=lab-secure&size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void listIsFilteredAndStablySorted() {
        String zone = unique("zone");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = gpuServer(unique("srt"));
            body.put("networkZone", zone);
            body.put("cpuCores", 10 + i);
            create(body).then().statusCode(201);
        }
        List<Integer> cores = as(Tokens.AUDITOR)
                .get(SERVERS + "?networkZone=" + zone + "&sort=cpuCores,desc")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .extract()
                .path("items.cpuCores");
        assertThat(cores).containsExactly(12, 11, 10);

        as(Tokens.AUDITOR)
                .get(SERVERS + "?networkZone=" + zone + "&size=2&page=1")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("totalPages", equalTo(2));
    }

    @Test
    void badPagesAndSortsAreProblems() {
        as(Tokens.OPERATOR)
                .get(SERVERS + "?size=1000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("size"));
        as(Tokens.OPERATOR).get(SERVERS + "?page=-1").then().statusCode(400).body("violations.field", hasItem("page"));
        as(Tokens.OPERATOR)
                .get(SERVERS + "?page=9999")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("page"));
        as(Tokens.OPERATOR)
                .get(SERVERS + "?sort=password")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("sort"));
        as(Tokens.OPERATOR)
                .get(SERVERS + "?kind=QUANTUM")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR).get(SERVERS + "?size=abc").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void invalidBodiesAnswerProblemsWithEachField() {
        Map<String, Object> body = gpuServer(unique("bad"));
        body.put("cpuCores", 0);
        body.put("hostname", "not a host");
        body.remove("location");
        create(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:validation-failed"))
                .body("violations.field", org.hamcrest.Matchers.hasItems("cpuCores", "hostname", "location"))
                .body("requestId", notNullValue());

        Map<String, Object> cpuWithGpu = gpuServer(unique("cpu"));
        cpuWithGpu.put("kind", "CPU");
        create(cpuWithGpu).then().statusCode(400).body("violations.field", hasItem("gpuCount"));

        Map<String, Object> unknown = gpuServer(unique("unk"));
        unknown.put("colour", "blue");
        create(unknown).then().statusCode(400).body("violations.field", hasItem("colour"));

        Map<String, Object> wrongType = gpuServer(unique("wt"));
        wrongType.put("cpuCores", "many");
        create(wrongType).then().statusCode(400).body("violations.field", hasItem("cpuCores"));

        Map<String, Object> wrongEnum = gpuServer(unique("we"));
        wrongEnum.put("kind", "TPU");
        create(wrongEnum).then().statusCode(400).body("violations.field", hasItem("kind"));

        as(Tokens.OPERATOR)
                .body("{\"hostname\": ")
                .post(SERVERS)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:malformed-request"));
        as(Tokens.OPERATOR).body("").post(SERVERS).then().statusCode(400).contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .body("x".repeat(2 * 1024 * 1024))
                .post(SERVERS)
                .then()
                .statusCode(413);
    }

    @Test
    void duplicateHostnameIsAConflict() {
        Map<String, Object> body = gpuServer(unique("dup"));
        create(body).then().statusCode(201);
        body.put("assetTag", "OTHER-" + UUID.randomUUID().toString().substring(0, 6));
        create(body).then().statusCode(409).body("type", equalTo("urn:labgate:problem:conflict"));
    }

    @Test
    void retriedCreationWithIdempotencyKeyReturnsTheFirstResult() {
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = gpuServer(unique("idem"));
        String first = as(Tokens.OPERATOR)
                .header("Idempotency-Key", key)
                .body(body)
                .post(SERVERS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Response retry =
                as(Tokens.OPERATOR).header("Idempotency-Key", key).body(body).post(SERVERS);
        retry.then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith(first));
        assertThat(retry.<String>path("id")).isEqualTo(first);

        Map<String, Object> other = gpuServer(unique("idem2"));
        as(Tokens.OPERATOR)
                .header("Idempotency-Key", key)
                .body(other)
                .post(SERVERS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .header("Idempotency-Key", "bad key!")
                .body(other)
                .post(SERVERS)
                .then()
                .statusCode(400);
    }

    @Test
    void concurrentRetriesCreateOneServer() throws Exception {
        String key = "race-" + UUID.randomUUID();
        Map<String, Object> body = gpuServer(unique("race"));
        String token = Tokens.of(Tokens.OPERATOR);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(pool.submit(() -> io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(token)
                        .contentType("application/json")
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post(SERVERS)
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id")));
            }
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertThat(distinct).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        as(Tokens.OPERATOR)
                .get(SERVERS + "?networkZone=lab-secure&size=100")
                .then()
                .statusCode(200);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        Response created = create(gpuServer(unique("upd")));
        String id = created.path("id");
        Map<String, Object> change = gpuServer(unique("upd2"));
        change.put("status", "MAINTENANCE");

        as(Tokens.OPERATOR).body(change).put(SERVERS + "/" + id).then().statusCode(428);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(SERVERS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("MAINTENANCE"));
        // a second writer who read version 0 loses
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(SERVERS + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void retiredServersStayRetired() {
        String id = create(gpuServer(unique("ret"))).path("id");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", "end of life"))
                .post(SERVERS + "/" + id + "/retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("retiredAt", notNullValue());

        Map<String, Object> revive = gpuServer(unique("rev"));
        revive.put("status", "AVAILABLE");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"1\"")
                .body(revive)
                .put(SERVERS + "/" + id)
                .then()
                .statusCode(409);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"1\"")
                .body(Map.of("reason", "again"))
                .post(SERVERS + "/" + id + "/retire")
                .then()
                .statusCode(409);
        as(Tokens.OPERATOR)
                .body(window(1, 2))
                .post(SERVERS + "/" + id + "/maintenance")
                .then()
                .statusCode(409);
    }

    @Test
    void maintenanceWindowsNeverOverlap() {
        String id = create(gpuServer(unique("mw"))).path("id");
        String windowId = as(Tokens.OPERATOR)
                .body(window(10, 20))
                .post(SERVERS + "/" + id + "/maintenance")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Tokens.OPERATOR)
                .body(window(15, 25))
                .post(SERVERS + "/" + id + "/maintenance")
                .then()
                .statusCode(409);
        // back to back is fine: periods are half-open
        as(Tokens.OPERATOR)
                .body(window(20, 30))
                .post(SERVERS + "/" + id + "/maintenance")
                .then()
                .statusCode(201);
        as(Tokens.OPERATOR)
                .body(window(5, 4))
                .post(SERVERS + "/" + id + "/maintenance")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("endsAt"));
        as(Tokens.ALICE)
                .get(SERVERS + "/" + id + "/maintenance")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2));

        as(Tokens.OPERATOR)
                .delete(SERVERS + "/" + id + "/maintenance/" + windowId)
                .then()
                .statusCode(204);
        as(Tokens.OPERATOR)
                .body(window(15, 19))
                .post(SERVERS + "/" + id + "/maintenance")
                .then()
                .statusCode(201);
    }

    @Test
    void rolesAreEnforced() {
        anonymous()
                .get(SERVERS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        anonymous()
                .header("Authorization", "Bearer not-a-token")
                .get(SERVERS)
                .then()
                .statusCode(401);
        as(Tokens.ALICE)
                .body(gpuServer(unique("x")))
                .post(SERVERS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.AUDITOR).body(gpuServer(unique("x"))).post(SERVERS).then().statusCode(403);
        as(Tokens.CAROL)
                .body(window(1, 2))
                .post(SERVERS + "/" + UUID.randomUUID() + "/maintenance")
                .then()
                .statusCode(403);
    }

    @Test
    void unknownServerIsNotFound() {
        as(Tokens.OPERATOR)
                .get(SERVERS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR).get(SERVERS + "/not-a-uuid").then().statusCode(400);
    }

    static Map<String, Object> window(int fromHours, int toHours) {
        Instant base = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return Map.of(
                "startsAt",
                base.plus(fromHours, ChronoUnit.HOURS).toString(),
                "endsAt",
                base.plus(toHours, ChronoUnit.HOURS).toString(),
                "reason",
                "firmware");
    }
}
