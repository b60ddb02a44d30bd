package io.labgate.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: subject, roles and the organization the token belongs to (claim {@code org_id}). Services
 * use it for tenant isolation: an AI company or provider sees only its own organization's resources.
 */
@RequestScoped
public class Caller {

    public static final String ORG_CLAIM = "org_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Operators and auditors see every tenant's data. */
    public boolean seesAllTenants() {
        return is(Roles.OPERATOR) || is(Roles.AUDITOR);
    }

    /** The caller's organization, if its token names a well-formed one. */
    public Optional<UUID> organizationId() {
        Object claim = token == null ? null : token.getClaim(ORG_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when the caller may see data of the given organization. */
    public boolean maySee(UUID organizationId) {
        return seesAllTenants() || organizationId().map(organizationId::equals).orElse(false);
    }
}
