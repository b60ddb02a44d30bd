/**
 * Provisioning of organizations in Keycloak: when an operator activates an AI company or data provider, LabGate
 * creates its group and its machine client (client credentials, {@code org_id} claim, {@code labgate-api}
 * audience, the kind's realm role) and hands the client secret out once; suspending disables the client and the
 * group's users. It lives under {@code organization} because it is one step of an organization's life cycle and
 * has no other caller; {@code platform.security} stays about the caller of a request. The organization package sees it
 * only through {@link io.labgate.organization.IdentityProvisioning}, so the dependency runs one way.
 * {@link io.labgate.organization.provisioning.KeycloakProvisioning} states the design (Keycloak first, then
 * commit; undo on rollback) and its limits.
 */
package io.labgate.organization.provisioning;
