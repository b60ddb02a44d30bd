package io.labgate.organization.provisioning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How LabGate provisions organizations in Keycloak. The connection itself (server URL, the {@code labgate-admin}
 * client and its secret) is {@code quarkus.keycloak.admin-client.*}.
 */
@ConfigMapping(prefix = "labgate.provisioning")
public interface ProvisioningConfig {

    /** The realm organizations are provisioned in: the realm LabGate's tokens come from. */
    @WithDefault("${quarkus.keycloak.admin-client.realm}")
    String realm();

    /** Path of the existing group under which each organization gets its own group. */
    @WithDefault("/organizations")
    String parentGroup();

    /** Audience that machine clients' tokens carry: what LabGate checks ({@code quarkus.oidc.token.audience}). */
    @WithDefault("labgate-api")
    String audience();

    /**
     * Token endpoint written into handed-out credentials, as organizations reach it; the issuer LabGate checks
     * tokens against unless the public address differs.
     */
    @WithDefault("${quarkus.oidc.auth-server-url}/protocol/openid-connect/token")
    String tokenEndpoint();
}
