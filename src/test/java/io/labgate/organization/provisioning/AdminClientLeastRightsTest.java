package io.labgate.organization.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.devlab.KeycloakServer;
import io.labgate.organization.IdentityProvisioning.Provisioned;
import io.labgate.organization.Organization;
import io.labgate.organization.api.OrganizationKind;
import io.labgate.testing.KeycloakAdmin;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * Security review L9: the production realm's {@code labgate-admin}, narrowed by {@link KeycloakAdminRights} with
 * Keycloak's fine-grained admin permissions (v2), still provisions an organization with LabGate's own
 * {@link KeycloakProvisioning} — group, role, machine client, secret, suspension — and can no longer map a staff
 * role, change the lab's own clients or touch people outside the organizations. Against the real Keycloak, with the
 * production realm imported under another name.
 */
@QuarkusTest
class AdminClientLeastRightsTest {

    static final String REALM = "labgate-rights-check";

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String keycloak = KeycloakAdmin.url();

    @AfterEach
    void dropRealm() {
        KeycloakAdmin.deleteRealm(REALM);
    }

    @Test
    void theNarrowedAdminClientProvisionsButCannotMakeAnOperator() throws Exception {
        KeycloakAdmin.importProductionRealm(REALM);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        KeycloakAdminRights.apply(
                keycloak,
                REALM,
                KeycloakServer.ADMIN,
                KeycloakServer.ADMIN_PASSWORD,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        // applying twice changes nothing and fails on nothing
        KeycloakAdminRights.apply(
                keycloak, REALM, KeycloakServer.ADMIN, KeycloakServer.ADMIN_PASSWORD, new PrintStream(printed));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("permission: labgate-admin: machine clients");
        String adminClient = clientUuid("labgate-admin");
        String secret = admin("POST", "/clients/" + adminClient + "/client-secret", null)
                .path("value")
                .asText();
        assertThat(realmManagementRolesOf(admin("GET", "/clients/" + adminClient + "/service-account-user", null)
                        .path("id")
                        .asText()))
                .containsExactlyInAnyOrder("query-users", "query-groups", "query-clients");

        // LabGate's provisioning, as the narrowed account
        Organization company = new Organization();
        company.id = UUID.randomUUID();
        company.kind = OrganizationKind.AI_COMPANY;
        company.name = "Rights Check Robotics";
        Provisioned provisioned;
        try (Keycloak narrowed = KeycloakBuilder.builder()
                .serverUrl(keycloak)
                .realm(REALM)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId("labgate-admin")
                .clientSecret(secret)
                .build()) {
            KeycloakProvisioning provisioning = provisioning(narrowed);
            provisioned = provisioning.activate(company);
            assertThat(provisioned.credentials()).isPresent();
            company.keycloakGroup = provisioned.group();
            company.keycloakClientId = provisioned.clientId();

            // the machine client works and carries the company's role
            JsonNode machineToken = tokenClaims(clientToken(
                    provisioned.clientId(), provisioned.credentials().get().clientSecret()));
            assertThat(machineToken.path("realm_access").path("roles").toString())
                    .contains("ai-company");

            // a person of the company (put in the group by Keycloak's administrator) is disabled on suspension
            String person = createUser("person-" + UUID.randomUUID().toString().substring(0, 8));
            String group = admin("GET", "/group-by-path" + provisioned.group(), null)
                    .path("id")
                    .asText();
            admin("PUT", "/users/" + person + "/groups/" + group, null);
            assertThat(provisioning.suspend(company)).containsExactly(person);
            assertThat(admin("GET", "/users/" + person, null).path("enabled").asBoolean())
                    .isFalse();
            company.keycloakDisabledUsers = new ArrayList<>(List.of(person));
            provisioning.activate(company);
            assertThat(admin("GET", "/users/" + person, null).path("enabled").asBoolean())
                    .isTrue();
            assertThat(provisioning.rotate(company).clientSecret()).isNotBlank();
        }

        // what a leaked secret of labgate-admin can no longer do
        String leaked = clientToken("labgate-admin", secret);
        JsonNode operator = admin("GET", "/roles/operator", null);
        String group = admin("GET", "/group-by-path" + provisioned.group(), null)
                .path("id")
                .asText();
        String machineAccount = admin(
                        "GET", "/clients/" + clientUuid(provisioned.clientId()) + "/service-account-user", null)
                .path("id")
                .asText();
        String ownAccount = admin("GET", "/clients/" + adminClient + "/service-account-user", null)
                .path("id")
                .asText();
        String staffMember = createUser("staff-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(as(leaked, "POST", "/groups/" + group + "/role-mappings/realm", "[" + operator + "]"))
                .as("map operator to an organization's group")
                .isEqualTo(403);
        assertThat(as(leaked, "POST", "/users/" + machineAccount + "/role-mappings/realm", "[" + operator + "]"))
                .as("map operator to a machine client")
                .isEqualTo(403);
        assertThat(as(leaked, "POST", "/users/" + ownAccount + "/role-mappings/realm", "[" + operator + "]"))
                .as("map operator to itself")
                .isEqualTo(403);
        assertThat(
                        as(
                                leaked,
                                "POST",
                                "/clients/" + clientUuid("labgate-cli") + "/protocol-mappers/models",
                                "{\"name\":\"staff\",\"protocol\":\"openid-connect\","
                                        + "\"protocolMapper\":\"oidc-hardcoded-role-mapper\",\"config\":{\"role\":\"operator\"}}"))
                .as("give the people's client a hardcoded operator role")
                .isEqualTo(403);
        assertThat(as(leaked, "PUT", "/users/" + staffMember, "{\"enabled\":false}"))
                .as("disable someone outside the organizations")
                .isEqualTo(403);
        assertThat(as(
                        leaked,
                        "PUT",
                        "/users/" + staffMember + "/reset-password",
                        "{\"type\":\"password\"," + "\"value\":\"taken-over\",\"temporary\":false}"))
                .as("take over someone outside the organizations")
                .isEqualTo(403);
    }

    private KeycloakProvisioning provisioning(Keycloak narrowed) {
        KeycloakProvisioning provisioning = new KeycloakProvisioning();
        provisioning.keycloak = narrowed;
        provisioning.clock = Clock.systemUTC();
        provisioning.transactions = transactions;
        provisioning.config = new ProvisioningConfig() {
            @Override
            public String realm() {
                return REALM;
            }

            @Override
            public String parentGroup() {
                return "/organizations";
            }

            @Override
            public String audience() {
                return "labgate-api";
            }

            @Override
            public String tokenEndpoint() {
                return keycloak + "/realms/" + REALM + "/protocol/openid-connect/token";
            }
        };
        return provisioning;
    }

    // --- Keycloak's own administrator, over HTTP ---------------------------------------------------------------

    private JsonNode admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + masterToken())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isLessThan(300);
        return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    }

    private int as(String token, String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + REALM + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)))
                .statusCode();
    }

    private String createUser(String username) throws Exception {
        admin("POST", "/users", "{\"username\":\"" + username + "\",\"enabled\":true}");
        return admin("GET", "/users?exact=true&username=" + username, null)
                .get(0)
                .path("id")
                .asText();
    }

    private String clientUuid(String clientId) throws Exception {
        return admin("GET", "/clients?clientId=" + clientId, null)
                .get(0)
                .path("id")
                .asText();
    }

    private List<String> realmManagementRolesOf(String userId) throws Exception {
        List<String> names = new ArrayList<>();
        admin("GET", "/users/" + userId + "/role-mappings/clients/" + clientUuid("realm-management"), null)
                .forEach(role -> names.add(role.path("name").asText()));
        return names;
    }

    private static String masterToken() {
        return KeycloakAdmin.masterToken();
    }

    private static String clientToken(String clientId, String secret) {
        return KeycloakAdmin.token(
                REALM, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private JsonNode tokenClaims(String token) throws Exception {
        return json.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
