package io.labgate.platform.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant rule of the workflow's lists, in one place: operators and auditors see every row, a provider the
 * rows its {@code providerClause} selects (with {@code :own} bound to its organization), anyone else only its own
 * organization's rows, and a token without an organization sees nothing.
 */
public final class TenantScope {

    private TenantScope() {}

    public static void restrict(
            Caller caller, String providerClause, List<String> clauses, Map<String, Object> parameters) {
        if (caller.seesAllTenants()) {
            return;
        }
        UUID own = caller.organizationId().orElse(null);
        if (own == null) {
            clauses.add("1 = 0");
            return;
        }
        clauses.add(caller.is(Roles.PROVIDER) ? providerClause : "organizationId = :own");
        parameters.put("own", own);
    }
}
