package io.labgate.organization.provisioning;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.organization.IdentityProvisioning;
import io.labgate.testing.BusinessRegistrationNumbers;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * When Keycloak cannot be reached (503) or refuses LabGate (502), the organization is left exactly as it was and
 * the problem says nothing about Keycloak. No mocking framework: for one test at a time LabGate's own
 * {@link KeycloakProvisioning} is swapped for another instance of the same class whose admin client points at a
 * closed port, or at the real Keycloak with a wrong secret.
 */
@QuarkusTest
class OrganizationProvisioningFailureTest {

    private static final String ORGS = "/api/v1/organizations";

    @Inject
    Keycloak keycloak;

    @Inject
    ProvisioningConfig config;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void unreachableKeycloakAnswers503AndLeavesAPendingOrganizationPending() throws IOException {
        String id = register();
        String unreachable = "http://127.0.0.1:" + closedPort();
        provisionThrough(admin(unreachable, "any-secret"));

        Response refused = as(Tokens.OPERATOR).post(ORGS + "/" + id + "/activate");
        refused.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:service-unavailable"))
                .body("requestId", notNullValue());
        assertThat(refused.<String>path("detail"))
                .contains("not changed")
                .doesNotContain("127.0.0.1")
                .doesNotContainIgnoringCase("keycloak");

        as(Tokens.OPERATOR)
                .get(ORGS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("keycloakGroup", nullValue())
                .body("keycloakClientId", nullValue())
                .body("version", equalTo(0));
    }

    @Test
    void keycloakRefusingLabGateAnswers502AndLeavesAnActiveOrganizationActive() {
        String id = register();
        Response activated = as(Tokens.OPERATOR).post(ORGS + "/" + id + "/activate");
        activated.then().statusCode(200);
        String clientId = activated.path("credentials.clientId");
        String secret = activated.path("credentials.clientSecret");

        provisionThrough(admin(EmbeddedLabTestResource.lab().keycloak().url(), "not-the-admin-secret"));
        Response refused = as(Tokens.OPERATOR).body(Map.of("reason", "audit")).post(ORGS + "/" + id + "/suspend");
        refused.then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:identity-provider-failed"));
        assertThat(refused.<String>path("detail"))
                .contains("not changed")
                .doesNotContainIgnoringCase("keycloak")
                .doesNotContain("401")
                .doesNotContain("unauthorized");
        as(Tokens.OPERATOR).post(ORGS + "/" + id + "/credentials/rotate").then().statusCode(502);

        as(Tokens.OPERATOR)
                .get(ORGS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1));
        // Keycloak was never touched: the machine client still gets tokens with its first secret
        Tokens.ofClient(clientId, secret);
        ClientRepresentation client = realm().clients().findByClientId(clientId).get(0);
        assertThat(client.isEnabled()).isTrue();
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** For the current test only, LabGate provisions through this admin client. */
    private void provisionThrough(Keycloak admin) {
        KeycloakProvisioning provisioning = new KeycloakProvisioning();
        provisioning.keycloak = admin;
        provisioning.config = config;
        provisioning.clock = clock;
        provisioning.transactions = transactions;
        QuarkusMock.installMockForType(provisioning, IdentityProvisioning.class);
    }

    private static Keycloak admin(String serverUrl, String secret) {
        return KeycloakBuilder.builder()
                .serverUrl(serverUrl)
                .realm("labgate")
                .clientId("labgate-admin")
                .clientSecret(secret)
                .grantType("client_credentials")
                .build();
    }

    private RealmResource realm() {
        return keycloak.realm("labgate");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String register() {
        String name = "failure " + UUID.randomUUID().toString().substring(0, 8);
        return as(Tokens.OPERATOR)
                .body(Map.of(
                        "kind", "AI_COMPANY",
                        "name", name,
                        "businessRegistrationNumber", BusinessRegistrationNumbers.random(),
                        "contactEmail", "lab@failure.example",
                        "contactName", "Kim Min-jun"))
                .post(ORGS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
