package io.labgate.platform.security;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Permission;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The staff roles ({@code operator}, {@code auditor}) count only in tokens issued to the people's clients
 * ({@code labgate.security.staff-clients}, {@code labgate-cli} by default: its {@code azp}). Whoever may create a
 * client in the realm (the provisioning account does, for every organization) could give a client of its own a
 * hardcoded {@code operator} role mapper; such a token then carries the role, and Keycloak's fine-grained admin
 * permissions cannot forbid it (security review L9). Here it counts for nothing: the identity keeps every other
 * role. Organizations' machine clients never need a staff role.
 */
@ApplicationScoped
public class StaffRolesOnlyFromPeopleClients implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(StaffRolesOnlyFromPeopleClients.class);
    static final Set<String> STAFF = Set.of(Roles.OPERATOR, Roles.AUDITOR);

    @ConfigProperty(name = "labgate.security.staff-clients", defaultValue = "labgate-cli")
    List<String> staffClients;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(judged(identity, staffClients));
    }

    static SecurityIdentity judged(SecurityIdentity identity, List<String> staffClients) {
        if (identity.isAnonymous() || identity.getRoles().stream().noneMatch(STAFF::contains)) {
            return identity;
        }
        String client = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("azp") : null;
        if (client != null && staffClients.contains(client)) {
            return identity;
        }
        LOG.warnf(
                "a token of client %s named staff role(s) %s for %s: not believed (labgate.security.staff-clients)",
                client,
                identity.getRoles().stream().filter(STAFF::contains).sorted().toList(),
                identity.getPrincipal().getName());
        return new WithoutStaffRoles(identity);
    }

    /** The identity as it was, without the staff roles. */
    private record WithoutStaffRoles(SecurityIdentity delegate) implements SecurityIdentity {

        @Override
        public Principal getPrincipal() {
            return delegate.getPrincipal();
        }

        @Override
        public boolean isAnonymous() {
            return false;
        }

        @Override
        public Set<String> getRoles() {
            return delegate.getRoles().stream().filter(r -> !STAFF.contains(r)).collect(Collectors.toSet());
        }

        @Override
        public boolean hasRole(String role) {
            return !STAFF.contains(role) && delegate.hasRole(role);
        }

        @Override
        public Set<Permission> getPermissions() {
            return delegate.getPermissions();
        }

        @Override
        public <T extends Credential> T getCredential(Class<T> credentialType) {
            return delegate.getCredential(credentialType);
        }

        @Override
        public Set<Credential> getCredentials() {
            return delegate.getCredentials();
        }

        @Override
        public <T> T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Map<String, Object> getAttributes() {
            return delegate.getAttributes();
        }

        @Override
        public Uni<Boolean> checkPermission(Permission permission) {
            return delegate.checkPermission(permission);
        }
    }
}
