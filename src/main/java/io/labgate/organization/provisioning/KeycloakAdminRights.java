package io.labgate.organization.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.platform.security.Roles;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Narrows the realm's {@code labgate-admin} service account to what provisioning needs (security review L9), with
 * Keycloak's fine-grained admin permissions (v2). A realm import cannot carry these (Keycloak owns the
 * {@code admin-permissions} client), so a Keycloak administrator runs this once after the import, and again after
 * changing the realm's own clients: {@code java -jar quarkus-run.jar keycloak-admin-rights <keycloak-url> <realm>}
 * with the master realm's administrator in {@code KEYCLOAK_ADMIN} / {@code KEYCLOAK_ADMIN_PASSWORD}. Idempotent.
 *
 * <p>What {@code labgate-admin} (through the realm role {@code labgate-provisioner} that only its service account
 * holds) may then do, and nothing else:
 * <ul>
 *   <li>groups: view and manage them and their members (create an organization's group under
 *       {@code /organizations}, map its role, list and disable its people);</li>
 *   <li>roles: map {@code ai-company} and {@code provider}, never {@code operator} or {@code auditor};</li>
 *   <li>users: view them (a machine client's service account is in no group) and map roles to them (only those
 *       two, by the rule above); change no one outside the organizations' groups;</li>
 *   <li>clients: create and manage clients, except every client that is not an organization's machine client
 *       ({@code labgate-cli}, {@code labgate-api}, itself, Keycloak's own): those it cannot change.</li>
 * </ul>
 * Its legacy {@code realm-management} roles shrink to {@code query-users}, {@code query-groups} and
 * {@code query-clients}: a {@code manage-*} or {@code view-*} role would switch the permissions off for it.
 *
 * <p>What remains (docs/security.md): who can create a client can give it a hardcoded role mapper; LabGate therefore
 * believes the staff roles only from the people's clients ({@code labgate.security.staff-clients}).
 */
public final class KeycloakAdminRights {

    static final String ADMIN_CLIENT = "labgate-admin";
    /**
     * The realm role that names the account in the permissions' policies. A role, not the client: Keycloak filters
     * lists (groups under a parent, group by path) by role and group policies only, so a client policy would let
     * the account change a group it can no longer find.
     */
    static final String PROVISIONER_ROLE = "labgate-provisioner";

    static final String POLICY = "labgate-admin";
    static final String NOT_POLICY = "not labgate-admin";
    /** The only realm-management roles the account keeps: the list endpoints need them. */
    static final Set<String> QUERY_ROLES = Set.of("query-users", "query-groups", "query-clients");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String keycloak;
    private final String realm;
    private final String token;
    private final PrintStream out;

    private KeycloakAdminRights(String keycloak, String realm, String token, PrintStream out) {
        this.keycloak = keycloak.replaceAll("/+$", "");
        this.realm = realm;
        this.token = token;
        this.out = out;
    }

    /** The jar's {@code keycloak-admin-rights <keycloak-url> <realm>} mode; the exit code. */
    public static int run(String[] args, PrintStream out) {
        String user = System.getenv("KEYCLOAK_ADMIN");
        String password = System.getenv("KEYCLOAK_ADMIN_PASSWORD");
        if (args.length != 2 || user == null || password == null) {
            out.println("usage: KEYCLOAK_ADMIN=... KEYCLOAK_ADMIN_PASSWORD=... "
                    + "java -jar quarkus-run.jar keycloak-admin-rights <keycloak-url> <realm>");
            return 2;
        }
        try {
            apply(args[0], args[1], user, password, out);
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Signs in to the master realm as its administrator and narrows {@code labgate-admin} in {@code realm}. */
    public static void apply(String keycloak, String realm, String adminUser, String adminPassword, PrintStream out)
            throws IOException, InterruptedException {
        String token = masterToken(keycloak, adminUser, adminPassword);
        new KeycloakAdminRights(keycloak, realm, token, out).apply();
    }

    private void apply() throws IOException, InterruptedException {
        ObjectNode realmRep = (ObjectNode) call("GET", "", null);
        if (!realmRep.path("adminPermissionsEnabled").asBoolean(false)) {
            call("PUT", "", JSON.createObjectNode().put("adminPermissionsEnabled", true));
            out.println("admin permissions (v2) enabled");
        }
        String permissionsClient = clientUuid("admin-permissions");
        String adminClient = clientUuid(ADMIN_CLIENT);
        String account = call("GET", "/clients/" + adminClient + "/service-account-user", null)
                .path("id")
                .asText();
        String server = "/clients/" + permissionsClient + "/authz/resource-server";

        String provisioner = provisionerRoleHeldBy(account);
        rolePolicy(server, POLICY, provisioner, "POSITIVE");
        rolePolicy(server, NOT_POLICY, provisioner, "NEGATIVE");
        permission(
                server,
                "labgate-admin: organization groups and their people",
                "Groups",
                List.of(),
                POLICY,
                "view",
                "manage",
                "view-members",
                "manage-members");
        permission(
                server,
                "labgate-admin: map the organization roles",
                "Roles",
                List.of(roleId(Roles.AI_COMPANY), roleId(Roles.PROVIDER)),
                POLICY,
                "map-role");
        permission(
                server,
                "labgate-admin: see users, map roles to machine accounts",
                "Users",
                List.of(),
                POLICY,
                "view",
                "map-roles");
        permission(server, "labgate-admin: machine clients", "Clients", List.of(), POLICY, "view", "manage");
        permission(
                server, "labgate-admin: not the lab's own clients", "Clients", labOwnClients(), NOT_POLICY, "manage");
        keepOnlyQueryRoles(account);
    }

    // --- the pieces --------------------------------------------------------------------------------------------

    /** The id of the provisioner role, created when missing and mapped to the account when it lacks it. */
    private String provisionerRoleHeldBy(String account) throws IOException, InterruptedException {
        HttpResponse<String> found = send("GET", "/roles/" + PROVISIONER_ROLE, null);
        if (found.statusCode() == 404) {
            call(
                    "POST",
                    "/roles",
                    JSON.createObjectNode()
                            .put("name", PROVISIONER_ROLE)
                            .put(
                                    "description",
                                    "Held by labgate-admin's service account only: its admin permissions name it"));
        }
        JsonNode role = call("GET", "/roles/" + PROVISIONER_ROLE, null);
        boolean held = false;
        for (JsonNode mapped : call("GET", "/users/" + account + "/role-mappings/realm", null)) {
            held |= mapped.path("name").asText().equals(PROVISIONER_ROLE);
        }
        if (!held) {
            call(
                    "POST",
                    "/users/" + account + "/role-mappings/realm",
                    JSON.createArrayNode().add(role));
        }
        out.println("role " + PROVISIONER_ROLE + " held by " + ADMIN_CLIENT + "'s service account");
        return role.path("id").asText();
    }

    private void rolePolicy(String server, String name, String roleId, String logic)
            throws IOException, InterruptedException {
        ObjectNode policy = JSON.createObjectNode().put("name", name).put("logic", logic);
        policy.putArray("roles").addObject().put("id", roleId).put("required", false);
        String existing = idNamed(server + "/policy", name);
        if (existing != null) {
            call("PUT", server + "/policy/role/" + existing, policy.put("id", existing));
        } else {
            call("POST", server + "/policy/role", policy);
        }
        out.println("policy: " + name);
    }

    private void permission(
            String server, String name, String type, List<String> resources, String policy, String... scopes)
            throws IOException, InterruptedException {
        ObjectNode permission = JSON.createObjectNode()
                .put("name", name)
                .put("resourceType", type)
                .put("decisionStrategy", "UNANIMOUS");
        ArrayNode scopeNames = permission.putArray("scopes");
        for (String scope : scopes) {
            scopeNames.add(scope);
        }
        ArrayNode resourceIds = permission.putArray("resources");
        resources.forEach(resourceIds::add);
        permission.putArray("policies").add(policy);
        String existing = idNamed(server + "/permission", name);
        if (existing != null) {
            // deleted and created again: an update would keep resources that are gone from the list
            call("DELETE", server + "/permission/" + existing, null);
        }
        call("POST", server + "/permission/scope", permission);
        out.printf(
                "permission: %s (%s %s%s)%n",
                name,
                type,
                String.join(", ", scopes),
                resources.isEmpty() ? ", all" : ", " + resources.size() + " of them");
    }

    /** The id of the policy or permission of exactly that name (Keycloak's name filter matches parts), or null. */
    private String idNamed(String list, String name) throws IOException, InterruptedException {
        for (JsonNode found : call("GET", list + "?name=" + encode(name) + "&max=100", null)) {
            if (found.path("name").asText().equals(name)) {
                return found.path("id").asText();
            }
        }
        return null;
    }

    /** Every client that is not an organization's machine client (those carry {@code labgate.org_id}). */
    private List<String> labOwnClients() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode client : call("GET", "/clients?max=1000", null)) {
            if (client.path("attributes")
                    .path(KeycloakProvisioning.CLIENT_OWNER)
                    .isMissingNode()) {
                ids.add(client.path("id").asText());
            }
        }
        return ids;
    }

    private void keepOnlyQueryRoles(String account) throws IOException, InterruptedException {
        String realmManagement = clientUuid("realm-management");
        String mappings = "/users/" + account + "/role-mappings/clients/" + realmManagement;
        ArrayNode surplus = JSON.createArrayNode();
        Set<String> held = new java.util.TreeSet<>();
        for (JsonNode role : call("GET", mappings, null)) {
            held.add(role.path("name").asText());
            if (!QUERY_ROLES.contains(role.path("name").asText())) {
                surplus.add(role);
            }
        }
        if (!surplus.isEmpty()) {
            call("DELETE", mappings, surplus);
        }
        ArrayNode missing = JSON.createArrayNode();
        for (JsonNode role : call("GET", mappings + "/available", null)) {
            if (QUERY_ROLES.contains(role.path("name").asText())) {
                missing.add(role);
            }
        }
        if (!missing.isEmpty()) {
            call("POST", mappings, missing);
        }
        out.println("realm-management roles of labgate-admin: "
                + QUERY_ROLES.stream().sorted().toList()
                + " (removed: "
                + held.stream().filter(r -> !QUERY_ROLES.contains(r)).collect(Collectors.toList())
                + ")");
    }

    private String clientUuid(String clientId) throws IOException, InterruptedException {
        JsonNode found = call("GET", "/clients?clientId=" + encode(clientId), null);
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("realm " + realm + " has no client " + clientId);
        }
        return found.get(0).path("id").asText();
    }

    private String roleId(String role) throws IOException, InterruptedException {
        return call("GET", "/roles/" + encode(role), null).path("id").asText();
    }

    // --- HTTP -------------------------------------------------------------------------------------------------

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(keycloak + "/admin/realms/" + encode(realm) + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String masterToken(String keycloak, String user, String password)
            throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", "admin-cli", "username", user, "password", password)
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.replaceAll("/+$", "")
                                        + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            // the answer names no secret: Keycloak says invalid_grant and the like
            throw new IllegalStateException("signing in to the master realm answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }
}
