package io.labgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.KeycloakServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded Keycloak as its own administrator sees it, for tests that import a realm of their own or create
 * clients behind LabGate's back: the master realm's token, any realm's token endpoint, the production realm imported
 * under another name.
 */
public final class KeycloakAdmin {

    /** The realm a production deployment imports. */
    public static final Path PRODUCTION_REALM = Path.of("deploy/keycloak/labgate-realm-production.json");

    private KeycloakAdmin() {}

    public static String url() {
        return EmbeddedLabTestResource.lab().keycloak().url();
    }

    /** A token of the master realm's administrator. */
    public static String masterToken() {
        return token(
                "master",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        KeycloakServer.ADMIN,
                        "password",
                        KeycloakServer.ADMIN_PASSWORD));
    }

    /** The access token {@code realm}'s token endpoint gives for {@code form}; anything but 200 fails the test. */
    public static String token(String realm, Map<String, String> form) {
        Response response = RestAssured.given()
                .formParams(form)
                .post(url() + "/realms/" + realm + "/protocol/openid-connect/token");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.path("access_token");
    }

    /**
     * Imports the production realm file as {@code name} (a realm of that name is deleted first), over plain HTTP as
     * the embedded Keycloak speaks it on loopback.
     */
    public static void importProductionRealm(String name) throws IOException {
        ObjectNode realm = (ObjectNode) new ObjectMapper().readTree(PRODUCTION_REALM.toFile());
        realm.put("realm", name);
        realm.put("sslRequired", "none");
        deleteRealm(name);
        Response imported = RestAssured.given()
                .auth()
                .oauth2(masterToken())
                .contentType("application/json")
                .body(realm.toString())
                .post(url() + "/admin/realms");
        assertThat(imported.statusCode()).as(imported.asString()).isEqualTo(201);
    }

    /** Deletes the realm if it exists. */
    public static void deleteRealm(String name) {
        RestAssured.given().auth().oauth2(masterToken()).delete(url() + "/admin/realms/" + name);
    }
}
