package io.labgate.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.KeycloakServer;
import io.labgate.testing.KeycloakAdmin;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Security review L9, what Keycloak's admin permissions cannot forbid: whoever may create a client (the provisioning
 * account must) can give it a hardcoded {@code operator} role mapper, and its tokens then carry the role. LabGate
 * believes staff roles only from the people's client ({@code labgate.security.staff-clients}). Real Keycloak, real
 * tokens.
 */
@QuarkusTest
class StaffRolesTest {

    private static final String STAFF_ONLY = "/api/v1/admin/key-encryption";

    @Test
    void aClientWithAHardcodedOperatorRoleIsNoOperator() {
        String clientId = "rogue-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "rogue-secret-" + UUID.randomUUID();
        String admin = KeycloakAdmin.masterToken();
        String clients =
                EmbeddedLabTestResource.lab().keycloak().url() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        String location = RestAssured.given()
                .auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(
                        "{\"clientId\":\"" + clientId + "\",\"secret\":\"" + secret + "\",\"publicClient\":false,"
                                + "\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,\"protocolMappers\":["
                                + "{\"name\":\"staff\",\"protocol\":\"openid-connect\","
                                + "\"protocolMapper\":\"oidc-hardcoded-role-mapper\",\"config\":{\"role\":\"operator\"}},"
                                + "{\"name\":\"aud\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
                                + "\"config\":{\"included.custom.audience\":\"labgate-api\",\"access.token.claim\":\"true\"}}]}")
                .post(clients)
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        try {
            String rogue = Tokens.ofClient(clientId, secret);
            String claims = new String(
                    java.util.Base64.getUrlDecoder().decode(rogue.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(claims).as("Keycloak did put the role in the token").contains("\"operator\"");

            RestAssured.given().auth().oauth2(rogue).get(STAFF_ONLY).then().statusCode(403);
            // the same endpoint for an operator who signed in through the people's client
            RestAssured.given()
                    .auth()
                    .oauth2(Tokens.of("operator"))
                    .get(STAFF_ONLY)
                    .then()
                    .statusCode(200);
        } finally {
            RestAssured.given().auth().oauth2(admin).delete(location).then().statusCode(204);
        }
    }
}
