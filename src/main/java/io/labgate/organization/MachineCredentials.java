package io.labgate.organization;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The credentials of an organization's machine client as LabGate hands them out: once, in the response of the
 * activation that provisioned the client or of a rotation. LabGate never stores the secret and never logs it;
 * Keycloak keeps it. {@link #toString()} leaves the secret out, so that a record printed by accident leaks
 * nothing.
 */
@Schema(
        name = "MachineCredentials",
        description = "Credentials of the organization's machine client (OAuth 2.0 "
                + "client credentials grant). The secret is shown only in this one response; store it now.")
public record MachineCredentials(
        @Schema(example = "org-1a2b3c4d-loader") String clientId,

        @Schema(description = "The client secret; shown once, never again")
        String clientSecret,

        @Schema(example = "https://id.lab.example/realms/labgate/protocol/openid-connect/token")
        String tokenEndpoint,

        @Schema(example = "client_credentials") String grantType,
        Instant issuedAt) {

    public static final String GRANT_TYPE = "client_credentials";

    public MachineCredentials(String clientId, String clientSecret, String tokenEndpoint, Instant issuedAt) {
        this(clientId, clientSecret, tokenEndpoint, GRANT_TYPE, issuedAt);
    }

    @Override
    public String toString() {
        return "MachineCredentials[clientId=" + clientId + ", clientSecret=(hidden), tokenEndpoint=" + tokenEndpoint
                + ", issuedAt=" + issuedAt + "]";
    }
}
