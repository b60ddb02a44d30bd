package io.labgate.organization;

import java.util.List;
import java.util.Optional;

/**
 * An organization's identity in the identity provider (Keycloak): a group for its people and a machine client
 * for its scripts and data loaders. {@link OrganizationService} calls it while it holds the organization's row
 * locked, inside the transaction that changes the status and <em>before</em> that transaction commits: when the
 * identity provider fails, the call throws an {@link io.labgate.platform.error.ApiException} (502/503), the
 * transaction rolls back, and the organization stays as it was. Implementations must therefore be idempotent
 * (a retry after a failure finishes the job) and never leave the identity provider more permissive than the
 * database once the transaction is over. They read the organization and never change it.
 *
 * <p>Only AI companies and data providers are provisioned; the operator's own organization never is.
 */
public interface IdentityProvisioning {

    /**
     * What activation made sure of.
     *
     * @param group the path of the organization's group
     * @param clientId the clientId of its machine client
     * @param credentials a freshly issued secret, present only when none was handed out before
     */
    record Provisioned(String group, String clientId, Optional<MachineCredentials> credentials) {}

    /**
     * Makes sure the group and the machine client exist with the organization's claims and role, enables them,
     * and enables again the users that {@link #suspend} disabled. Issues a secret when the organization has never
     * been handed one ({@link Organization#keycloakClientId} is null) or its client had to be created again.
     */
    Provisioned activate(Organization organization);

    /**
     * Disables the machine client (no new tokens) and then every enabled user of the group.
     *
     * @return the ids of the users it disabled, so that activation can enable exactly those again
     */
    List<String> suspend(Organization organization);

    /** Issues a new secret for the organization's machine client; the previous secret stops working at once. */
    MachineCredentials rotate(Organization organization);
}
