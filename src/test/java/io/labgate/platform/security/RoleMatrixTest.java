package io.labgate.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, for every endpoint, Polaris-style: each role that is allowed gets past authorization
 * (whatever the answer then is), every other role gets 403, and no token gets 401. A new endpoint belongs in
 * this table.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String OP = Tokens.OPERATOR;
    private static final String AUD = Tokens.AUDITOR;
    private static final String AI = Tokens.ALICE;
    private static final String PROV = Tokens.CAROL;
    private static final Set<String> ALL = Set.of(OP, AUD, AI, PROV);
    private static final Set<String> STAFF = Set.of(OP, AUD);
    private static final Set<String> OPERATOR_ONLY = Set.of(OP);
    private static final Set<String> STAFF_AND_AI = Set.of(OP, AUD, AI);
    private static final Set<String> AI_ONLY = Set.of(AI);
    private static final Set<String> PROVIDER_ONLY = Set.of(PROV);

    record Endpoint(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String ID = UUID.randomUUID().toString();

    /** Every operation of the API, as its OpenAPI path template, with the roles that may call it. */
    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/servers", ALL),
                new Endpoint("POST", "/api/v1/servers", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/servers/{id}", ALL),
                new Endpoint("PUT", "/api/v1/servers/{id}", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/servers/{id}/retire", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/servers/{id}/maintenance", ALL),
                new Endpoint("POST", "/api/v1/servers/{id}/maintenance", OPERATOR_ONLY),
                new Endpoint("DELETE", "/api/v1/servers/{id}/maintenance/{windowId}", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/buckets", STAFF),
                new Endpoint("POST", "/api/v1/buckets", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/buckets/{id}", STAFF),
                new Endpoint("PUT", "/api/v1/buckets/{id}", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/buckets/{id}/reconcile", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/buckets/{id}/usage-samples", STAFF),
                new Endpoint("GET", "/api/v1/policies", ALL),
                new Endpoint("POST", "/api/v1/policies", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/policies/{code}", ALL),
                new Endpoint("GET", "/api/v1/policies/{code}/versions", ALL),
                new Endpoint("POST", "/api/v1/policies/{code}/versions", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/policies/{code}/versions/{versionNo}", ALL),
                new Endpoint("PUT", "/api/v1/policies/{code}/versions/{versionNo}", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/industries", ALL),
                new Endpoint("POST", "/api/v1/industries", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/industries/{code}", ALL),
                new Endpoint("PUT", "/api/v1/industries/{code}", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/ai-technologies", ALL),
                new Endpoint("POST", "/api/v1/ai-technologies", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/ai-technologies/{code}", ALL),
                new Endpoint("PUT", "/api/v1/ai-technologies/{code}", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/organizations", ALL),
                new Endpoint("POST", "/api/v1/organizations", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/organizations/me", ALL),
                new Endpoint("GET", "/api/v1/organizations/{id}", ALL),
                new Endpoint("PUT", "/api/v1/organizations/{id}", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/organizations/{id}/activate", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/organizations/{id}/suspend", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/datasets", ALL),
                new Endpoint("POST", "/api/v1/datasets", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/datasets/{id}", ALL),
                new Endpoint("PUT", "/api/v1/datasets/{id}", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/datasets/{id}/versions", ALL),
                new Endpoint("POST", "/api/v1/datasets/{id}/versions", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/datasets/{id}/versions/{versionId}", ALL),
                new Endpoint("GET", "/api/v1/datasets/{id}/versions/{versionId}/objects", ALL),
                new Endpoint("POST", "/api/v1/datasets/{id}/versions/{versionId}/manifest", OPERATOR_ONLY),
                new Endpoint("PUT", "/api/v1/datasets/{id}/versions/{versionId}/attestation", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/datasets/{id}/versions/{versionId}/publish", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/datasets/{id}/versions/{versionId}/retire", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/catalogue/coverage", ALL),
                new Endpoint("POST", "/api/v1/organizations/{id}/credentials/rotate", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/bookings", STAFF_AND_AI),
                new Endpoint("POST", "/api/v1/bookings", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/bookings/gpu-hours", STAFF_AND_AI),
                new Endpoint("GET", "/api/v1/bookings/{id}", STAFF_AND_AI),
                new Endpoint("DELETE", "/api/v1/bookings/{id}", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/access-requests", AI_ONLY),
                new Endpoint("GET", "/api/v1/access-requests", ALL),
                new Endpoint("GET", "/api/v1/access-requests/{id}", ALL),
                new Endpoint("GET", "/api/v1/access-requests/{id}/history", ALL),
                new Endpoint("POST", "/api/v1/access-requests/{id}/withdraw", AI_ONLY),
                new Endpoint("POST", "/api/v1/access-requests/{id}/consents/{datasetId}", PROVIDER_ONLY),
                new Endpoint("POST", "/api/v1/access-requests/{id}/consents/{datasetId}/withdraw", PROVIDER_ONLY),
                new Endpoint("POST", "/api/v1/access-requests/{id}/decision", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/providers/me/exclusions", PROVIDER_ONLY),
                new Endpoint("PUT", "/api/v1/providers/me/exclusions/{orgId}", PROVIDER_ONLY),
                new Endpoint("DELETE", "/api/v1/providers/me/exclusions/{orgId}", PROVIDER_ONLY),
                new Endpoint("GET", "/api/v1/grants", ALL),
                new Endpoint("GET", "/api/v1/grants/{id}", ALL),
                new Endpoint("GET", "/api/v1/grants/{id}/history", ALL),
                new Endpoint("POST", "/api/v1/grants/{id}/suspend", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/grants/{id}/resume", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/grants/{id}/revoke", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/grants/{id}/extend", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/grants/{id}/access-keys", AI_ONLY),
                new Endpoint("GET", "/api/v1/grants/{id}/access-keys", STAFF_AND_AI),
                new Endpoint("DELETE", "/api/v1/grants/{id}/access-keys/{keyId}", Set.of(OP, AI)),
                new Endpoint("GET", "/api/v1/grants/{id}/objects", AI_ONLY),
                new Endpoint("GET", "/api/v1/grants/{id}/objects/{key}", AI_ONLY),
                new Endpoint("HEAD", "/api/v1/grants/{id}/objects/{key}", AI_ONLY),
                new Endpoint("POST", "/api/v1/grants/{id}/links", AI_ONLY),
                new Endpoint("GET", "/api/v1/usage/events", STAFF_AND_AI),
                new Endpoint("GET", "/api/v1/usage/verify", STAFF),
                new Endpoint("GET", "/api/v1/usage/checkpoints", STAFF),
                new Endpoint("GET", "/api/v1/notifications/emails", STAFF),
                new Endpoint("GET", "/api/v1/webhooks", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/webhooks", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/webhooks/{id}", OPERATOR_ONLY),
                new Endpoint("DELETE", "/api/v1/webhooks/{id}", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/webhooks/{id}/deliveries", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/admin/key-encryption", STAFF),
                new Endpoint("POST", "/api/v1/admin/key-encryption/rewrap", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/reports", STAFF),
                new Endpoint("GET", "/api/v1/reports/sections", STAFF),
                new Endpoint("GET", "/api/v1/reports/{section}", STAFF));
    }

    /** A concrete path: ids become an id nobody has, version numbers 1. */
    private static String concrete(String template) {
        return template.replace("{versionNo}", "1").replaceAll("\\{[A-Za-z]+}", ID);
    }

    @Test
    void everyApiOperationIsInTheMatrix() {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/")) {
                operations.keySet().stream()
                        .filter(m -> !m.equals("parameters"))
                        .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
            }
        });
        Set<String> inMatrix = new TreeSet<>();
        endpoints().forEach(e -> inMatrix.add(e.method() + " " + e.path()));
        assertThat(inMatrix).as("operations of the API and of this matrix").isEqualTo(documented);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            cases.add(Arguments.of(endpoint, null));
            for (String role : ALL) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyItsRights(Endpoint endpoint, String user) {
        RequestSpecification request = given().contentType("application/json").body("{}");
        if (user != null) {
            request = request.auth().oauth2(Tokens.of(user));
        }
        int status =
                request.request(endpoint.method(), concrete(endpoint.path())).statusCode();
        if (user == null) {
            assertThat(status).as("no token").isEqualTo(401);
        } else if (endpoint.allowed().contains(user)) {
            assertThat(status).as(user + " is allowed").isNotIn(401, 403);
        } else {
            assertThat(status).as(user + " is not allowed").isEqualTo(403);
        }
    }
}
