package io.labgate.platform;

import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, OpenAPI, metrics, request ids and the error model as every client meets them. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void problemsCarryAStableCodeBesideTheirType() {
        as(Tokens.OPERATOR)
                .get("/api/v1/servers/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:not-found"))
                .body("code", equalTo("NOT_FOUND"));
        as(Tokens.OPERATOR)
                .contentType("application/json")
                .body("{\"hostname\": 7")
                .post("/api/v1/servers")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void healthReportsDatabaseAndObjectStore() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("object-store", "Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("LabGate API"))
                .body("paths", notNullValue())
                .body("paths.'/api/v1/servers'.get.summary", equalTo("List lab servers"))
                .body("components.schemas.Problem", notNullValue())
                // every operation documents the problems every operation can answer
                .body("paths.'/api/v1/servers'.get.responses.'401'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/industries/{code}'.put.responses.'403'", notNullValue())
                .body("paths.'/api/v1/servers'.get.responses.'200'", notNullValue());
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void labGateAssignsItsOwnRequestIdAndKeepsTheClientsApart() {
        // the client's id is echoed apart; LabGate's own id is never the client's (review L6)
        String own = as(Tokens.AUDITOR)
                .header("X-Request-Id", "client-chosen-id-42")
                .get("/api/v1/servers")
                .then()
                .statusCode(200)
                .header("X-Client-Request-Id", "client-chosen-id-42")
                .header("X-Request-Id", not(equalTo("client-chosen-id-42")))
                .extract()
                .header("X-Request-Id");
        assertThat(java.util.UUID.fromString(own)).isNotNull();
        // a header that could inject into logs is dropped
        as(Tokens.AUDITOR)
                .header("X-Request-Id", "bad id\twith spaces")
                .get("/api/v1/servers")
                .then()
                .statusCode(200)
                .header("X-Client-Request-Id", nullValue())
                .header("X-Request-Id", not(equalTo("bad id\twith spaces")));
        String problemId = anonymous()
                .header("X-Request-Id", "problem-request-0001")
                .get("/api/v1/servers")
                .then()
                .statusCode(401)
                .body("requestId", not(equalTo("problem-request-0001")))
                .extract()
                .header("X-Request-Id");
        assertThat(problemId).isNotEqualTo("problem-request-0001");
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        as(Tokens.OPERATOR)
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:not-found"));
        as(Tokens.OPERATOR).patch("/api/v1/servers").then().statusCode(405).contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .contentType("text/plain")
                .body("hello")
                .post("/api/v1/servers")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeReading() {
        as(Tokens.OPERATOR)
                .body("x".repeat(1024 * 1024 + 1))
                .post("/api/v1/servers")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:payload-too-large"));
    }
}
