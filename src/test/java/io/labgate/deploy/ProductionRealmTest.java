package io.labgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.testing.KeycloakAdmin;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The production realm (security review L9), imported into the real Keycloak under another name: people sign in
 * with the authorization code (PKCE) or the device flow, never by handing a password to a client; it carries no demo
 * user, client or secret. The demo realm stays as it is.
 */
@QuarkusTest
class ProductionRealmTest {

    static final Path PRODUCTION = KeycloakAdmin.PRODUCTION_REALM;
    static final String CHECK_REALM = "labgate-production-check";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theFileCarriesNoDemoUserClientOrSecret() throws Exception {
        JsonNode realm = json.readTree(PRODUCTION.toFile());
        List<String> users = new ArrayList<>();
        realm.path("users").forEach(u -> users.add(u.path("username").asText()));
        assertThat(users).containsExactly("service-account-labgate-admin");
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> {
            clients.add(c.path("clientId").asText());
            assertThat(c.has("secret")).as("secret of " + c.path("clientId")).isFalse();
        });
        assertThat(clients).containsExactlyInAnyOrder("labgate-api", "labgate-cli", "labgate-admin");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("all");
    }

    @Test
    void peopleCannotGiveAClientTheirPasswordButCanUseTheDeviceFlow() throws Exception {
        String keycloak = KeycloakAdmin.url();
        KeycloakAdmin.importProductionRealm(CHECK_REALM);
        try {
            String tokenUrl = keycloak + "/realms/" + CHECK_REALM + "/protocol/openid-connect/token";
            HttpResponse<String> password = send(form(
                    tokenUrl,
                    Map.of(
                            "grant_type", "password",
                            "client_id", "labgate-cli",
                            "username", "anyone",
                            "password", "anything")));
            assertThat(password.statusCode()).isEqualTo(400);
            assertThat(json.readTree(password.body()).path("error").asText()).isEqualTo("unauthorized_client");

            // PKCE is required of this public client in every flow, the device flow included
            String verifier = "labgate-device-flow-verifier-" + java.util.UUID.randomUUID();
            String challenge = java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            HttpResponse<String> device = send(form(
                    keycloak + "/realms/" + CHECK_REALM + "/protocol/openid-connect/auth/device",
                    Map.of("client_id", "labgate-cli", "code_challenge", challenge, "code_challenge_method", "S256")));
            assertThat(device.statusCode()).as(device.body()).isEqualTo(200);
            assertThat(json.readTree(device.body()).path("device_code").asText())
                    .isNotBlank();
        } finally {
            KeycloakAdmin.deleteRealm(CHECK_REALM);
        }
    }

    private static HttpRequest.Builder form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
