package io.labgate.organization.provisioning;

import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.testing.BusinessRegistrationNumbers;
import io.labgate.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Activation provisions an organization in the real Keycloak of the embedded lab, and the credentials it hands
 * out work end to end: a client credentials token from Keycloak, accepted by LabGate as the organization.
 */
@QuarkusTest
class OrganizationProvisioningTest {

    private static final String ORGS = "/api/v1/organizations";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The admin client LabGate itself uses (the realm's labgate-admin service account). */
    @Inject
    Keycloak keycloak;

    @Inject
    EntityManager em;

    // --- activation -----------------------------------------------------------------------------------

    @Test
    void activationProvisionsAMachineClientWhoseTokensLabGateAccepts() {
        String id = register("AI_COMPANY");
        Response activated = activate(id);
        activated
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("ACTIVE"))
                .body("keycloakGroup", startsWith("/organizations/"))
                .body("keycloakClientId", equalTo("org-" + id.substring(0, 8) + "-loader"))
                .body("provisionedAt", notNullValue())
                .body("credentialsIssuedAt", notNullValue())
                .body("credentials.clientId", equalTo("org-" + id.substring(0, 8) + "-loader"))
                .body("credentials.clientSecret", notNullValue())
                .body("credentials.grantType", equalTo("client_credentials"))
                .body("credentials.tokenEndpoint", equalTo(tokenEndpoint()));
        String clientId = activated.path("credentials.clientId");
        String secret = activated.path("credentials.clientSecret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(20);

        String token = Tokens.ofClient(clientId, secret);
        JsonNode claims = claims(token);
        assertThat(claims.path("org_id").asText()).isEqualTo(id);
        assertThat(audiences(claims)).contains("labgate-api");
        assertThat(realmRoles(claims)).contains("ai-company").doesNotContain("provider", "operator", "auditor");

        withToken(token)
                .get(ORGS + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("kind", equalTo("AI_COMPANY"))
                .body("credentials", nullValue());
        // the organization's own token cannot see others: it is a tenant like any other
        withToken(token).get(ORGS + "/" + register("AI_COMPANY")).then().statusCode(404);
    }

    @Test
    void theSecretIsShownOnceAndNeverAgain() {
        String id = register("AI_COMPANY");
        Response activated = activate(id);
        activated.then().statusCode(200);
        String secret = activated.path("credentials.clientSecret");

        for (Response read : List.of(
                as(Tokens.OPERATOR).get(ORGS + "/" + id),
                as(Tokens.AUDITOR).get(ORGS + "/" + id),
                as(Tokens.OPERATOR).get(ORGS + "?size=100&sort=createdAt,desc"))) {
            read.then().statusCode(200);
            assertThat(read.asString())
                    .doesNotContain(secret)
                    .doesNotContain("clientSecret")
                    .doesNotContain("\"credentials\"");
        }
        as(Tokens.OPERATOR)
                .get(ORGS + "/" + id)
                .then()
                .body("keycloakClientId", equalTo("org-" + id.substring(0, 8) + "-loader"));

        Object stored = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT row_to_json(o)::text FROM organization o WHERE id = :id")
                        .setParameter("id", UUID.fromString(id))
                        .getSingleResult());
        assertThat(stored.toString()).contains(id).doesNotContain(secret);
    }

    @Test
    void activationCreatesTheGroupAndAClientForTheClientCredentialsGrantOnly() {
        String id = register("AI_COMPANY");
        Response activated = activate(id);
        activated.then().statusCode(200);
        String path = activated.path("keycloakGroup");

        GroupRepresentation group = realm().getGroupByPath(path);
        assertThat(group.getAttributes()).containsEntry("org_id", List.of(id));
        assertThat(names(realm().groups()
                        .group(group.getId())
                        .roles()
                        .realmLevel()
                        .listAll()))
                .contains("ai-company");

        ClientRepresentation client = onlyClient("org-" + id.substring(0, 8) + "-loader");
        assertThat(client.isEnabled()).isTrue();
        assertThat(client.isPublicClient()).isFalse();
        assertThat(client.isServiceAccountsEnabled()).isTrue();
        assertThat(client.isStandardFlowEnabled()).isFalse();
        assertThat(client.isImplicitFlowEnabled()).isFalse();
        assertThat(client.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(client.getAttributes()).containsEntry("labgate.org_id", id);
        UserRepresentation serviceAccount =
                realm().clients().get(client.getId()).getServiceAccountUser();
        assertThat(names(realm().users()
                        .get(serviceAccount.getId())
                        .roles()
                        .realmLevel()
                        .listAll()))
                .contains("ai-company");
    }

    @Test
    void aDataProviderGetsTheProviderRole() {
        String id = register("DATA_PROVIDER");
        Response activated = activate(id);
        activated.then().statusCode(200).body("credentials.clientSecret", notNullValue());

        String token =
                Tokens.ofClient(activated.path("credentials.clientId"), activated.path("credentials.clientSecret"));
        assertThat(realmRoles(claims(token))).contains("provider").doesNotContain("ai-company");
        withToken(token)
                .get(ORGS + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("kind", equalTo("DATA_PROVIDER"));
        assertThat(names(realm().groups()
                        .group(realm().getGroupByPath(activated.path("keycloakGroup"))
                                .getId())
                        .roles()
                        .realmLevel()
                        .listAll()))
                .contains("provider")
                .doesNotContain("ai-company");
    }

    @Test
    void theOperatorsOwnOrganizationIsNotProvisioned() {
        String id = register("OPERATOR");
        activate(id)
                .then()
                .statusCode(200)
                .header("Cache-Control", nullValue())
                .body("status", equalTo("ACTIVE"))
                .body("keycloakGroup", nullValue())
                .body("keycloakClientId", nullValue())
                .body("credentials", nullValue());
        assertThat(realm().clients().findByClientId("org-" + id.substring(0, 8) + "-loader"))
                .isEmpty();
        as(Tokens.OPERATOR)
                .post(ORGS + "/" + id + "/credentials/rotate")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        suspend(id).then().statusCode(200);
    }

    // --- suspension and re-activation -----------------------------------------------------------------

    @Test
    void suspensionStopsNewTokensAndReactivationRestoresTheSameClient() {
        String id = register("AI_COMPANY");
        Response activated = activate(id);
        String clientId = activated.path("credentials.clientId");
        String secret = activated.path("credentials.clientSecret");
        Tokens.ofClient(clientId, secret);

        suspend(id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("keycloakClientId", equalTo(clientId));
        Response refused = tokenRequest(clientId, secret);
        assertThat(refused.statusCode()).isIn(400, 401);
        assertThat(refused.jsonPath().getString("error")).isIn("unauthorized_client", "invalid_client");
        assertThat(onlyClient(clientId).isEnabled()).isFalse();

        Response reactivated = activate(id);
        reactivated
                .then()
                .statusCode(200)
                .header("Cache-Control", nullValue())
                .body("status", equalTo("ACTIVE"))
                .body("keycloakClientId", equalTo(clientId))
                .body("credentials", nullValue());
        assertThat(reactivated.asString()).doesNotContain(secret);
        // the secret handed out at the first activation works again
        withToken(Tokens.ofClient(clientId, secret))
                .get(ORGS + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));

        // activating twice made one client and one group, not two
        onlyClient(clientId);
        assertThat(realm().clients().findAll().stream()
                        .filter(c -> c.getClientId().startsWith("org-" + id.substring(0, 8)))
                        .count())
                .isEqualTo(1);
        GroupRepresentation parent = realm().getGroupByPath("/organizations");
        assertThat(realm().groups().group(parent.getId()).getSubGroups(id.substring(0, 8), false, 0, 100, false))
                .hasSize(1);
        activate(id).then().statusCode(409);
    }

    @Test
    void suspensionDisablesTheGroupsUsersAndReactivationEnablesExactlyThose() {
        String id = register("AI_COMPANY");
        Response activated = activate(id);
        String group = activated.path("keycloakGroup");
        String member = createUser(group, true);
        String disabledByHand = createUser(group, false);

        // a person in the group is a member of the organization: role and org_id come from the group
        String personal = passwordToken(member).then().statusCode(200).extract().path("access_token");
        assertThat(claims(personal).path("org_id").asText()).isEqualTo(id);
        withToken(personal).get(ORGS + "/me").then().statusCode(200).body("id", equalTo(id));

        suspend(id).then().statusCode(200);
        assertThat(enabled(member)).isFalse();
        assertThat(enabled(disabledByHand)).isFalse();
        passwordToken(member).then().statusCode(400);

        activate(id).then().statusCode(200);
        assertThat(enabled(member)).isTrue();
        // LabGate enables only the users its suspension disabled
        assertThat(enabled(disabledByHand)).isFalse();
        passwordToken(member).then().statusCode(200);
    }

    // --- rotation -------------------------------------------------------------------------------------

    @Test
    void rotationIssuesANewSecretOnceAndRetiresTheOldOne() {
        String id = register("AI_COMPANY");
        Response activated = activate(id);
        String clientId = activated.path("credentials.clientId");
        String first = activated.path("credentials.clientSecret");
        String issuedAt = activated.path("credentialsIssuedAt");

        Response rotated = as(Tokens.OPERATOR).post(ORGS + "/" + id + "/credentials/rotate");
        rotated.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("clientId", equalTo(clientId))
                .body("clientSecret", notNullValue())
                .body("tokenEndpoint", equalTo(tokenEndpoint()))
                .body("issuedAt", notNullValue());
        String second = rotated.path("clientSecret");
        assertThat(second).isNotEqualTo(first);

        assertThat(tokenRequest(clientId, first).statusCode()).isIn(400, 401);
        withToken(Tokens.ofClient(clientId, second))
                .get(ORGS + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        Response read = as(Tokens.OPERATOR).get(ORGS + "/" + id);
        read.then().body("credentialsIssuedAt", notNullValue());
        assertThat(read.<String>path("credentialsIssuedAt")).isNotEqualTo(issuedAt);
        assertThat(read.asString()).doesNotContain(second);

        // while suspended a rotation issues a secret but the client stays disabled
        suspend(id).then().statusCode(200);
        String third = as(Tokens.OPERATOR)
                .post(ORGS + "/" + id + "/credentials/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("clientSecret");
        assertThat(tokenRequest(clientId, third).statusCode()).isIn(400, 401);
        activate(id).then().statusCode(200).body("credentials", nullValue());
        Tokens.ofClient(clientId, third);
    }

    @Test
    void rotationNeedsAProvisionedOrganization() {
        String pending = register("AI_COMPANY");
        as(Tokens.OPERATOR)
                .post(ORGS + "/" + pending + "/credentials/rotate")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:conflict"));
        as(Tokens.OPERATOR)
                .post(ORGS + "/" + UUID.randomUUID() + "/credentials/rotate")
                .then()
                .statusCode(404);
    }

    // --- who may do it --------------------------------------------------------------------------------

    @Test
    void onlyOperatorsActivateSuspendAndRotate() {
        String id = register("AI_COMPANY");
        Response activated = activate(id);
        String machine =
                Tokens.ofClient(activated.path("credentials.clientId"), activated.path("credentials.clientSecret"));
        String other = register("AI_COMPANY");

        // the AI company's own machine token, on itself and on another organization
        withToken(machine)
                .post(ORGS + "/" + other + "/activate")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        withToken(machine).post(ORGS + "/" + id + "/credentials/rotate").then().statusCode(403);
        withToken(machine)
                .body(Map.of("reason", "r"))
                .post(ORGS + "/" + id + "/suspend")
                .then()
                .statusCode(403);
        for (String user : List.of(Tokens.ALICE, Tokens.CAROL, Tokens.AUDITOR)) {
            as(user).post(ORGS + "/" + other + "/activate").then().statusCode(403);
            as(user).post(ORGS + "/" + id + "/credentials/rotate").then().statusCode(403);
        }
        anonymous().post(ORGS + "/" + id + "/credentials/rotate").then().statusCode(401);
        as(Tokens.OPERATOR)
                .get(ORGS + "/" + other)
                .then()
                .body("status", equalTo("PENDING"))
                .body("keycloakClientId", nullValue());
    }

    // --- races and failures ---------------------------------------------------------------------------

    @Test
    void concurrentActivationsMakeOneClientAndHandOutOneSecret() throws Exception {
        String id = register("AI_COMPANY");
        String operator = Tokens.of(Tokens.OPERATOR);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> withToken(operator).post(ORGS + "/" + id + "/activate")));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> secrets = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 200) {
                    secrets.add(response.path("credentials.clientSecret"));
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409);
            assertThat(secrets).hasSize(1).doesNotContainNull();
            Tokens.ofClient("org-" + id.substring(0, 8) + "-loader", secrets.get(0));
            onlyClient("org-" + id.substring(0, 8) + "-loader");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedCommitLeavesTheClientDisabledAndTheRetryHandsOutASecret() {
        String id = register("AI_COMPANY");
        String name = as(Tokens.OPERATOR).get(ORGS + "/" + id).path("name");
        String path = "/organizations/"
                + KeycloakNames.groupNames(UUID.fromString(id), name).get(0);
        // another row already claims the group path, so the database refuses the activation after Keycloak
        // has done its part
        UUID squatter = insertOrganizationWithGroup(path);

        as(Tokens.OPERATOR)
                .post(ORGS + "/" + id + "/activate")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .get(ORGS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("keycloakClientId", nullValue())
                .body("version", equalTo(0));
        String clientId = "org-" + id.substring(0, 8) + "-loader";
        assertThat(onlyClient(clientId).isEnabled())
                .as("switched back after the rollback")
                .isFalse();

        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE organization SET keycloak_group = NULL WHERE id = :id")
                        .setParameter("id", squatter)
                        .executeUpdate());
        Response retried = activate(id);
        retried.then()
                .statusCode(200)
                .body("keycloakGroup", equalTo(path))
                .body("credentials.clientId", equalTo(clientId));
        withToken(Tokens.ofClient(clientId, retried.path("credentials.clientSecret")))
                .get(ORGS + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        onlyClient(clientId);
    }

    @Test
    void secretsNeverReachTheLog() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            String id = register("AI_COMPANY");
            String first = activate(id).then().statusCode(200).extract().path("credentials.clientSecret");
            String second = as(Tokens.OPERATOR)
                    .post(ORGS + "/" + id + "/credentials/rotate")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("clientSecret");
            suspend(id).then().statusCode(200);
            activate(id).then().statusCode(200);
            // the capture works: provisioning logs what it did, by client id
            assertThat(lines).anyMatch(line -> line != null && line.contains("org-" + id.substring(0, 8) + "-loader"));
            assertThat(lines).noneMatch(line -> line != null && (line.contains(first) || line.contains(second)));
        } finally {
            root.removeHandler(capture);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static String register(String kind) {
        String name = kind.toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("businessRegistrationNumber", BusinessRegistrationNumbers.randomWithDashes());
        body.put("contactEmail", "lab@" + name.replace(' ', '-') + ".example");
        body.put("contactName", "Kim Min-jun");
        return as(Tokens.OPERATOR)
                .body(body)
                .post(ORGS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response activate(String id) {
        return as(Tokens.OPERATOR).post(ORGS + "/" + id + "/activate");
    }

    private static Response suspend(String id) {
        return as(Tokens.OPERATOR).body(Map.of("reason", "provisioning test")).post(ORGS + "/" + id + "/suspend");
    }

    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return RestAssured.given()
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static String tokenEndpoint() {
        return EmbeddedLabTestResource.lab().keycloak().issuer() + "/protocol/openid-connect/token";
    }

    /** A client credentials token request, whatever Keycloak answers. */
    private static Response tokenRequest(String clientId, String secret) {
        return RestAssured.given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(tokenEndpoint());
    }

    private static Response passwordToken(String username) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "labgate-cli")
                .formParam("username", username)
                .formParam("password", Tokens.PASSWORD)
                .post(tokenEndpoint());
    }

    private RealmResource realm() {
        return keycloak.realm("labgate");
    }

    private ClientRepresentation onlyClient(String clientId) {
        List<ClientRepresentation> clients = realm().clients().findByClientId(clientId);
        assertThat(clients).hasSize(1);
        return clients.get(0);
    }

    /** A person in the organization's group, without an org_id attribute of their own; answers the username. */
    private String createUser(String groupPath, boolean enabled) {
        String username = "prov-" + UUID.randomUUID().toString().substring(0, 12);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@provisioning.example");
        user.setEmailVerified(true);
        user.setFirstName("Provisioning");
        user.setLastName("Test");
        user.setEnabled(enabled);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(Tokens.PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        user.setGroups(List.of(groupPath));
        try (jakarta.ws.rs.core.Response created = realm().users().create(user)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        return username;
    }

    private boolean enabled(String username) {
        return realm().users().searchByUsername(username, true).get(0).isEnabled();
    }

    private UUID insertOrganizationWithGroup(String groupPath) {
        UUID squatter = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                INSERT INTO organization (id, kind, name, business_registration_number, status, status_changed_at,
                    keycloak_group, contact_email, contact_name, created_at, updated_at)
                VALUES (:id, 'AI_COMPANY', 'Squatter', :brn, 'PENDING', now(), :path, 'squat@test.example',
                    'Squatter', now(), now())
                """)
                        .setParameter("id", squatter)
                        .setParameter("brn", BusinessRegistrationNumbers.random())
                        .setParameter("path", groupPath)
                        .executeUpdate());
        return squatter;
    }

    private static JsonNode claims(String token) {
        try {
            return JSON.readTree(
                    new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> audiences = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asText()));
        } else {
            audiences.add(aud.asText());
        }
        return audiences;
    }

    private static List<String> realmRoles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static List<String> names(List<RoleRepresentation> roles) {
        return roles.stream().map(RoleRepresentation::getName).toList();
    }
}
