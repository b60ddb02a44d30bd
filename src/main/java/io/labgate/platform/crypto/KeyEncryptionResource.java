package io.labgate.platform.crypto;

import io.labgate.platform.error.Problem;
import io.labgate.platform.security.Caller;
import io.labgate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/key-encryption")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Key encryption",
        description = "Rotation of the key-encryption keys that seal access-key and webhook "
                + "secrets (docs/operations.md#key-rotation)")
@SecurityRequirement(name = "SecurityScheme")
public class KeyEncryptionResource {

    @Inject
    SecretRewrap service;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getKeyEncryptionStatus",
            summary = "Key-encryption key versions in use",
            description = "Operators and auditors. For each "
                    + "version: configured on this replica, active, and how many access-key and webhook secrets are "
                    + "sealed under it; the versions that can be removed (retirableVersions) and those used by secrets "
                    + "but not configured (missingVersions). Never a key or a secret.")
    public KeyEncryptionStatus status() {
        return service.status();
    }

    @POST
    @Path("rewrap")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "rewrapKeys",
            summary = "Re-encrypt every stored secret under the active version",
            description = "Operators "
                    + "only. Opens each access-key and webhook secret that is not on the active version with its own "
                    + "version and seals it again under the active one, in batches of batchSize rows, each batch its own "
                    + "transaction with FOR UPDATE SKIP LOCKED: safe to run on several replicas at once and while keys "
                    + "are issued; rows locked by another transaction are left for the next run. Idempotent. Run it "
                    + "after every replica runs with the new active version; when status.notOnActiveVersion is 0 the old "
                    + "versions can be removed. Never answers a secret.")
    @APIResponse(responseCode = "200", description = "What the run re-encrypted, what failed, and the status after")
    @APIResponse(
            responseCode = "503",
            description = "The active version has no key on this replica",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RewrapResult rewrap(
            @Parameter(description = "rows per transaction (1–1000)")
                    @QueryParam("batchSize")
                    @DefaultValue("100")
                    @Min(1)
                    @Max(1000)
                    int batchSize) {
        return service.rewrap(batchSize, caller.subject());
    }
}
