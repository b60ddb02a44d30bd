package io.labgate.testing;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the real Keycloak, for the demo users and clients of the realm export. */
public final class Tokens {

    public static final String PASSWORD = "labgate-demo";

    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    /** AI company Alpha. */
    public static final String ALICE = "alice";
    /** AI company Beta. */
    public static final String BOB = "bob";
    /** Data provider Jeju Smart Farm. */
    public static final String CAROL = "carol";
    /** Data provider Ocean Bio. */
    public static final String DAVE = "dave";
    /** An AI-company user whose organization is registered by no test fixture and no demo data. */
    public static final String ERIN = "erin";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    /** A token of a demo user (cached; tokens live five minutes, a test run reuses them for four). */
    public static String of(String username) {
        return CACHE.compute(username, (user, cached) -> cached != null && fresh(user) ? cached : fetch(user));
    }

    private static final Map<String, Long> ISSUED = new ConcurrentHashMap<>();

    private static boolean fresh(String user) {
        return System.currentTimeMillis() - ISSUED.getOrDefault(user, 0L) < 240_000;
    }

    private static String fetch(String username) {
        String token = RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "labgate-cli")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .post(EmbeddedLabTestResource.lab().keycloak().issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        ISSUED.put(username, System.currentTimeMillis());
        return token;
    }

    /** A client-credentials token of a machine client. */
    public static String ofClient(String clientId, String secret) {
        return RestAssured.given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(EmbeddedLabTestResource.lab().keycloak().issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
