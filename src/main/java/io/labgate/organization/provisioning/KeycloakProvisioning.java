package io.labgate.organization.provisioning;

import io.labgate.organization.IdentityProvisioning;
import io.labgate.organization.MachineCredentials;
import io.labgate.organization.Organization;
import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.OrganizationStatus;
import io.labgate.platform.security.Caller;
import io.labgate.platform.security.Roles;
import io.labgate.platform.time.LabTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Provisions AI companies and data providers in Keycloak through the admin client (the realm's
 * {@code labgate-admin} service account: manage/view/query users and clients, query groups).
 *
 * <h2>What an organization gets</h2>
 * <ul>
 *   <li>A <b>group</b> {@code <parent>/<name slug>-<first 8 hex of the id>} (parent {@code /organizations}) with
 *       the attribute {@code org_id} and the realm role of its kind ({@code ai-company} or {@code provider}).
 *       People an administrator puts in the group get the role, and the {@code org_id} claim through the
 *       user-attribute mapper of {@code labgate-cli} (Keycloak resolves group attributes for it).</li>
 *   <li>A confidential <b>machine client</b> {@code org-<first 8 hex>-loader} for the client credentials grant
 *       only (service account on; standard flow, implicit flow, direct grants, device and CIBA grants off), with
 *       a hardcoded {@code org_id} claim, the {@code labgate-api} audience, and the kind's realm role on its
 *       service account. The client attribute {@code labgate.org_id} marks it as this organization's.</li>
 * </ul>
 * LabGate recognises what it made by those attributes, never by name alone: when a name is taken by something
 * else, the next name (with the whole id) is used.
 *
 * <h2>Consistency: Keycloak first, then commit</h2>
 * {@link io.labgate.organization.OrganizationService} locks the organization's row, calls this class, and only
 * then writes the new status and commits. So:
 * <ul>
 *   <li><b>Keycloak fails</b> (unreachable: 503; refuses: 502): the exception rolls the transaction back and
 *       the organization is unchanged. Whatever this call had already switched in Keycloak (enabling or
 *       disabling the client and users) is switched back when the transaction ends without committing, so that
 *       Keycloak matches the database again. Objects it created (a group, a client created disabled, a role
 *       grant) stay: they give nobody access and the retry reuses them.</li>
 *   <li><b>Every step is idempotent</b>, so a retry finishes what a failed attempt started. A secret is issued
 *       when the database does not yet record a client ({@code keycloak_client_id} is null) or the client had
 *       to be created again; the secret reaches the operator only in the response of a committed activation.
 *       If the commit fails after the secret was issued, nobody has it, and the retry issues another.</li>
 *   <li><b>Order limits the window</b>: activation enables the client last, suspension disables it first.</li>
 *   <li>The row lock serialises two operators (or replicas) acting on one organization; Keycloak's unique
 *       clientId and group names settle any other race (a 409 from Keycloak means "already there": reuse it).</li>
 * </ul>
 * If switching back after a rollback fails too (Keycloak went away mid-request), that is logged at error with
 * the organization id; the next activation or suspension of the organization converges Keycloak again.
 *
 * <h2>Limits</h2>
 * Disabling a client or user stops new tokens; access tokens already issued stay valid until they expire
 * (the realm's access token lifespan, 5 minutes in the demo realm). Users added to the group while the
 * organization is suspended are not disabled by LabGate. Renaming an organization does not rename its group.
 * No secret is stored in the database or written to a log.
 */
@ApplicationScoped
public class KeycloakProvisioning implements IdentityProvisioning {

    private static final Logger LOG = Logger.getLogger(KeycloakProvisioning.class);

    /** Group attribute and token claim naming the organization. */
    static final String ORG_ID = Caller.ORG_CLAIM;
    /** Client attribute naming the organization a machine client belongs to. */
    static final String CLIENT_OWNER = "labgate.org_id";

    private static final int PAGE = 100;
    private static final String UNCHANGED = "the organization was not changed";

    @Inject
    Keycloak keycloak;

    @Inject
    ProvisioningConfig config;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Override
    public Provisioned activate(Organization organization) {
        UUID id = organization.id;
        String role = roleOf(organization.kind);
        List<String> disabledBySuspension = List.copyOf(organization.keycloakDisabledUsers);
        Undo undo = undoOnRollback(id);
        return KeycloakCalls.run("provision organization " + id, UNCHANGED, () -> {
            RealmResource realm = realm();
            GroupRepresentation group = ensureGroup(realm, organization);
            ensureRealmRole(realm.groups().group(group.getId()).roles().realmLevel(), role);
            MachineClient client = ensureClient(realm, organization);
            ensureRealmRole(serviceAccountRoles(realm, client), role);
            MachineCredentials issued =
                    client.created() || organization.keycloakClientId == null ? issueSecret(realm, client) : null;
            for (String userId : disabledBySuspension) {
                if (setUserEnabled(realm, userId, true)) {
                    undo.push("disable user " + userId, () -> setUserEnabled(realm(), userId, false));
                }
            }
            if (setClientEnabled(realm, client.id(), true)) {
                undo.push("disable client " + client.clientId(), () -> setClientEnabled(realm(), client.id(), false));
            }
            LOG.infof(
                    "organization %s provisioned in Keycloak: group %s, client %s%s, %d user(s) enabled again",
                    id,
                    group.getPath(),
                    client.clientId(),
                    issued == null ? "" : " (new secret issued)",
                    disabledBySuspension.size());
            return new Provisioned(group.getPath(), client.clientId(), Optional.ofNullable(issued));
        });
    }

    @Override
    public List<String> suspend(Organization organization) {
        UUID id = organization.id;
        Undo undo = undoOnRollback(id);
        return KeycloakCalls.run("suspend organization " + id, UNCHANGED, () -> {
            RealmResource realm = realm();
            if (organization.keycloakClientId != null) {
                Optional<ClientRepresentation> client = findClient(realm, organization.keycloakClientId);
                if (client.isPresent() && setClientEnabled(realm, client.get().getId(), false)) {
                    String clientUuid = client.get().getId();
                    undo.push(
                            "enable client " + organization.keycloakClientId,
                            () -> setClientEnabled(realm(), clientUuid, true));
                }
            }
            List<String> disabled = new ArrayList<>();
            Optional<GroupRepresentation> group = organization.keycloakGroup == null
                    ? Optional.empty()
                    : groupByPath(realm, organization.keycloakGroup);
            if (group.isPresent()) {
                for (UserRepresentation member : members(realm, group.get().getId())) {
                    if (Boolean.TRUE.equals(member.isEnabled())
                            && member.getServiceAccountClientId() == null
                            && setUserEnabled(realm, member.getId(), false)) {
                        disabled.add(member.getId());
                        undo.push("enable user " + member.getId(), () -> setUserEnabled(realm(), member.getId(), true));
                    }
                }
            }
            LOG.infof(
                    "organization %s suspended in Keycloak: client %s disabled, %d user(s) disabled",
                    id, organization.keycloakClientId, disabled.size());
            return disabled;
        });
    }

    @Override
    public MachineCredentials rotate(Organization organization) {
        UUID id = organization.id;
        return KeycloakCalls.run(
                "rotate the secret of organization " + id,
                "the previous secret may or may not still work; rotate again",
                () -> {
                    RealmResource realm = realm();
                    MachineClient client = ensureClient(realm, organization);
                    ensureRealmRole(serviceAccountRoles(realm, client), roleOf(organization.kind));
                    MachineCredentials issued = issueSecret(realm, client);
                    if (organization.status == OrganizationStatus.ACTIVE) {
                        // a client created again by this call starts disabled
                        setClientEnabled(realm, client.id(), true);
                    }
                    LOG.infof("organization %s: new secret issued for client %s", id, client.clientId());
                    return issued;
                });
    }

    // --- the group ------------------------------------------------------------------------------------

    private GroupRepresentation ensureGroup(RealmResource realm, Organization organization) {
        if (organization.keycloakGroup != null) {
            Optional<GroupRepresentation> stored = groupByPath(realm, organization.keycloakGroup);
            if (stored.isPresent() && ownedBy(stored.get(), organization.id)) {
                return stored.get();
            }
            LOG.warnf(
                    "the Keycloak group %s of organization %s is missing or not its own; provisioning it again",
                    organization.keycloakGroup, organization.id);
        }
        GroupRepresentation parent = groupByPath(realm, config.parentGroup())
                .orElseThrow(() ->
                        new IllegalStateException("the parent group " + config.parentGroup() + " does not exist"));
        for (String name : KeycloakNames.groupNames(organization.id, organization.name)) {
            Optional<GroupRepresentation> group = subGroup(realm, parent.getId(), name);
            if (group.isEmpty()) {
                group = createSubGroup(realm, parent.getId(), name, organization.id);
            }
            if (group.isPresent() && ownedBy(group.get(), organization.id)) {
                return group.get();
            }
        }
        throw new IllegalStateException("every group name for organization " + organization.id + " is taken");
    }

    private Optional<GroupRepresentation> createSubGroup(RealmResource realm, String parentId, String name, UUID id) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        group.setAttributes(Map.of(ORG_ID, List.of(id.toString())));
        try (Response response = realm.groups().group(parentId).subGroup(group)) {
            if (response.getStatus() == 201) {
                return Optional.of(realm.groups().group(createdId(response)).toRepresentation());
            }
            if (response.getStatus() != 409) {
                throw new jakarta.ws.rs.WebApplicationException(response.getStatus());
            }
        }
        // 409: another request created it a moment ago
        return subGroup(realm, parentId, name);
    }

    private static Optional<GroupRepresentation> subGroup(RealmResource realm, String parentId, String name) {
        return realm.groups().group(parentId).getSubGroups(name, true, 0, 10, false).stream()
                .filter(g -> name.equals(g.getName()))
                .findFirst();
    }

    private static Optional<GroupRepresentation> groupByPath(RealmResource realm, String path) {
        try {
            return Optional.of(realm.getGroupByPath(path));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean ownedBy(GroupRepresentation group, UUID id) {
        return group.getAttributes() != null
                && group.getAttributes().getOrDefault(ORG_ID, List.of()).contains(id.toString());
    }

    private static List<UserRepresentation> members(RealmResource realm, String groupId) {
        List<UserRepresentation> members = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<UserRepresentation> page = realm.groups().group(groupId).members(first, PAGE, false);
            members.addAll(page);
            if (page.size() < PAGE) {
                return members;
            }
        }
    }

    // --- the machine client ---------------------------------------------------------------------------

    /** The client's Keycloak id (a UUID), its clientId, and whether this call created it. */
    private record MachineClient(String id, String clientId, boolean created) {}

    private MachineClient ensureClient(RealmResource realm, Organization organization) {
        List<String> candidates = organization.keycloakClientId != null
                ? List.of(organization.keycloakClientId)
                : KeycloakNames.clientIds(organization.id);
        for (String clientId : candidates) {
            Optional<ClientRepresentation> client = findClient(realm, clientId);
            boolean created = false;
            if (client.isEmpty()) {
                created = createClient(realm, machineClient(organization, clientId));
                client = findClient(realm, clientId);
            }
            if (client.isPresent() && ownedBy(client.get(), organization.id)) {
                return new MachineClient(client.get().getId(), clientId, created);
            }
        }
        throw new IllegalStateException("the client ids " + candidates + " belong to other clients");
    }

    /** True when Keycloak created it; false when another request had just created it (409). */
    private static boolean createClient(RealmResource realm, ClientRepresentation client) {
        try (Response response = realm.clients().create(client)) {
            if (response.getStatus() == 201) {
                return true;
            }
            if (response.getStatus() == 409) {
                return false;
            }
            throw new jakarta.ws.rs.WebApplicationException(response.getStatus());
        }
    }

    private ClientRepresentation machineClient(Organization organization, String clientId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(abbreviate(organization.name, 200) + " (LabGate machine client)");
        client.setDescription("Machine client of LabGate organization " + organization.id
                + ". Managed by LabGate: enabled, disabled and rotated through the LabGate API.");
        client.setProtocol("openid-connect");
        client.setEnabled(false); // enabled as the last step of activation
        client.setPublicClient(false);
        client.setBearerOnly(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setConsentRequired(false);
        client.setFrontchannelLogout(false);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(CLIENT_OWNER, organization.id.toString());
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        attributes.put("oidc.ciba.grant.enabled", "false");
        attributes.put("client_credentials.use_refresh_token", "false");
        client.setAttributes(attributes);
        client.setProtocolMappers(List.of(
                mapper(
                        "labgate-api-audience",
                        "oidc-audience-mapper",
                        Map.of(
                                "included.client.audience", config.audience(),
                                "access.token.claim", "true",
                                "introspection.token.claim", "true",
                                "id.token.claim", "false")),
                mapper(
                        ORG_ID,
                        "oidc-hardcoded-claim-mapper",
                        Map.of(
                                "claim.name", ORG_ID,
                                "claim.value", organization.id.toString(),
                                "jsonType.label", "String",
                                "access.token.claim", "true",
                                "introspection.token.claim", "true",
                                "id.token.claim", "false",
                                "userinfo.token.claim", "false"))));
        return client;
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(new LinkedHashMap<>(config));
        return mapper;
    }

    private static Optional<ClientRepresentation> findClient(RealmResource realm, String clientId) {
        return realm.clients().findByClientId(clientId).stream()
                .filter(c -> clientId.equals(c.getClientId()))
                .findFirst();
    }

    private static boolean ownedBy(ClientRepresentation client, UUID id) {
        return client.getAttributes() != null
                && id.toString().equals(client.getAttributes().get(CLIENT_OWNER));
    }

    private static RoleScopeResource serviceAccountRoles(RealmResource realm, MachineClient client) {
        UserRepresentation serviceAccount = realm.clients().get(client.id()).getServiceAccountUser();
        return realm.users().get(serviceAccount.getId()).roles().realmLevel();
    }

    private MachineCredentials issueSecret(RealmResource realm, MachineClient client) {
        String secret = realm.clients().get(client.id()).generateNewSecret().getValue();
        return new MachineCredentials(client.clientId(), secret, config.tokenEndpoint(), now());
    }

    /** True when it changed something. */
    private static boolean setClientEnabled(RealmResource realm, String clientUuid, boolean enabled) {
        ClientResource resource = realm.clients().get(clientUuid);
        ClientRepresentation client = resource.toRepresentation();
        if (Boolean.valueOf(enabled).equals(client.isEnabled())) {
            return false;
        }
        client.setEnabled(enabled);
        // write back nothing but the switch: never the secret read a moment ago, never the mappers
        client.setSecret(null);
        client.setProtocolMappers(null);
        resource.update(client);
        return true;
    }

    // --- users and roles ------------------------------------------------------------------------------

    /** True when it changed something; a user deleted meanwhile is skipped. */
    private static boolean setUserEnabled(RealmResource realm, String userId, boolean enabled) {
        UserResource resource = realm.users().get(userId);
        UserRepresentation user;
        try {
            user = resource.toRepresentation();
        } catch (NotFoundException deleted) {
            return false;
        }
        if (Boolean.valueOf(enabled).equals(user.isEnabled())) {
            return false;
        }
        user.setEnabled(enabled);
        resource.update(user);
        return true;
    }

    /**
     * Grants a realm role unless already granted. The role is looked up among the roles the admin client may
     * map ({@code manage-users} suffices), not in the realm's role list (which would need {@code view-realm}).
     */
    private static void ensureRealmRole(RoleScopeResource roles, String role) {
        if (roles.listAll().stream().anyMatch(r -> role.equals(r.getName()))) {
            return;
        }
        RoleRepresentation grantable = roles.listAvailable().stream()
                .filter(r -> role.equals(r.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the realm role " + role + " cannot be granted"));
        roles.add(List.of(grantable));
    }

    static String roleOf(OrganizationKind kind) {
        return switch (kind) {
            case AI_COMPANY -> Roles.AI_COMPANY;
            case DATA_PROVIDER -> Roles.PROVIDER;
            case OPERATOR -> throw new IllegalArgumentException("the operator's organization is not provisioned");
        };
    }

    // --- undoing after a rollback ---------------------------------------------------------------------

    /**
     * What to switch back in Keycloak if the transaction does not commit, newest first. Registered before the
     * first change, run after the transaction has rolled back.
     */
    private static final class Undo implements Synchronization {

        private final UUID organization;
        private final Deque<Map.Entry<String, Runnable>> steps = new ArrayDeque<>();

        Undo(UUID organization) {
            this.organization = organization;
        }

        void push(String what, Runnable step) {
            steps.push(Map.entry(what, step));
        }

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                return;
            }
            for (Map.Entry<String, Runnable> step : steps) {
                try {
                    step.getValue().run();
                    LOG.infof("rolled back: %s for organization %s", step.getKey(), organization);
                } catch (RuntimeException e) {
                    LOG.errorf(
                            "could not %s for organization %s after a rollback; Keycloak disagrees with the "
                                    + "database until the organization's next activation or suspension: %s",
                            step.getKey(), organization, e.toString());
                }
            }
        }
    }

    private Undo undoOnRollback(UUID organization) {
        Undo undo = new Undo(organization);
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(undo);
        }
        return undo;
    }

    // --- helpers --------------------------------------------------------------------------------------

    private RealmResource realm() {
        return keycloak.realm(config.realm());
    }

    private Instant now() {
        return LabTime.now(clock);
    }

    private static String createdId(Response created) {
        String path = created.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
