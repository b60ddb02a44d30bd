package io.labgate.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
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
    private static final Set<String> AI_ONLY = Set.of(AI);
    private static final Set<String> PROVIDER_ONLY = Set.of(PROV);

    record Endpoint(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String ID = UUID.randomUUID().toString();

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/servers", ALL),
                new Endpoint("POST", "/api/v1/servers", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/servers/" + ID, ALL),
                new Endpoint("PUT", "/api/v1/servers/" + ID, OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/servers/" + ID + "/retire", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/servers/" + ID + "/maintenance", ALL),
                new Endpoint("POST", "/api/v1/servers/" + ID + "/maintenance", OPERATOR_ONLY),
                new Endpoint("DELETE", "/api/v1/servers/" + ID + "/maintenance/" + ID, OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/buckets", STAFF),
                new Endpoint("POST", "/api/v1/buckets", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/buckets/" + ID, STAFF),
                new Endpoint("PUT", "/api/v1/buckets/" + ID, OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/buckets/" + ID + "/reconcile", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/buckets/" + ID + "/usage-samples", STAFF),
                new Endpoint("GET", "/api/v1/policies", ALL),
                new Endpoint("POST", "/api/v1/policies", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/policies/no-such-policy", ALL),
                new Endpoint("GET", "/api/v1/policies/no-such-policy/versions", ALL),
                new Endpoint("POST", "/api/v1/policies/no-such-policy/versions", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/policies/no-such-policy/versions/1", ALL),
                new Endpoint("PUT", "/api/v1/policies/no-such-policy/versions/1", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/industries", ALL),
                new Endpoint("POST", "/api/v1/industries", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/industries/NONE", ALL),
                new Endpoint("PUT", "/api/v1/industries/NONE", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/ai-technologies", ALL),
                new Endpoint("POST", "/api/v1/ai-technologies", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/ai-technologies/NONE", ALL),
                new Endpoint("PUT", "/api/v1/ai-technologies/NONE", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/organizations", ALL),
                new Endpoint("POST", "/api/v1/organizations", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/organizations/me", ALL),
                new Endpoint("GET", "/api/v1/organizations/" + ID, ALL),
                new Endpoint("PUT", "/api/v1/organizations/" + ID, OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/organizations/" + ID + "/activate", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/organizations/" + ID + "/suspend", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/access-requests", AI_ONLY),
                new Endpoint("GET", "/api/v1/access-requests", ALL),
                new Endpoint("GET", "/api/v1/access-requests/" + ID, ALL),
                new Endpoint("GET", "/api/v1/access-requests/" + ID + "/history", ALL),
                new Endpoint("POST", "/api/v1/access-requests/" + ID + "/withdraw", AI_ONLY),
                new Endpoint("POST", "/api/v1/access-requests/" + ID + "/consents/" + ID, PROVIDER_ONLY),
                new Endpoint("POST", "/api/v1/access-requests/" + ID + "/consents/" + ID + "/withdraw",
                        PROVIDER_ONLY),
                new Endpoint("POST", "/api/v1/access-requests/" + ID + "/decision", OPERATOR_ONLY),
                new Endpoint("GET", "/api/v1/providers/me/exclusions", PROVIDER_ONLY),
                new Endpoint("PUT", "/api/v1/providers/me/exclusions/" + ID, PROVIDER_ONLY),
                new Endpoint("DELETE", "/api/v1/providers/me/exclusions/" + ID, PROVIDER_ONLY),
                new Endpoint("GET", "/api/v1/grants", ALL),
                new Endpoint("GET", "/api/v1/grants/" + ID, ALL),
                new Endpoint("GET", "/api/v1/grants/" + ID + "/history", ALL),
                new Endpoint("POST", "/api/v1/grants/" + ID + "/suspend", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/grants/" + ID + "/resume", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/grants/" + ID + "/revoke", OPERATOR_ONLY),
                new Endpoint("POST", "/api/v1/grants/" + ID + "/extend", OPERATOR_ONLY));
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
        int status = request.request(endpoint.method(), endpoint.path()).statusCode();
        if (user == null) {
            assertThat(status).as("no token").isEqualTo(401);
        } else if (endpoint.allowed().contains(user)) {
            assertThat(status).as(user + " is allowed").isNotIn(401, 403);
        } else {
            assertThat(status).as(user + " is not allowed").isEqualTo(403);
        }
    }
}
