package io.labgate.gateway.web;

import io.labgate.gateway.key.AccessKeyCreated;
import io.labgate.gateway.key.AccessKeyService;
import io.labgate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/grants/{id}/access-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access keys", description = "Per-grant keys of the S3-compatible read-only endpoint (/s3)")
@SecurityRequirement(name = "SecurityScheme")
public class AccessKeyResource {

    @Inject
    AccessKeyService service;

    @POST
    @RolesAllowed(Roles.AI_COMPANY)
    @Operation(
            operationId = "createAccessKey",
            summary = "Issue an access key",
            description = "The AI company that owns the grant (anyone else's "
                    + "grant: 404); the grant must be usable now and allow S3_ENDPOINT (else 403). Answers the secret "
                    + "once (Cache-Control: no-store); LabGate keeps it only encrypted. The key stops working when it is "
                    + "revoked or its grant ends.")
    @APIResponseSchema(
            value = AccessKeyCreated.class,
            responseCode = "201",
            responseDescription = "The key and its secret, shown only now")
    public Response create(@PathParam("id") UUID grantId) {
        AccessKeyCreated created = service.create(grantId);
        return Response.status(Response.Status.CREATED)
                .entity(created)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY})
    @Operation(
            operationId = "listAccessKeys",
            summary = "List a grant's access keys",
            description = "Never the secrets. Operators and auditors: " + "any grant; AI companies: their own.")
    public List<AccessKeyResponse> list(@PathParam("id") UUID grantId) {
        return service.list(grantId);
    }

    @DELETE
    @Path("{keyId}")
    @RolesAllowed({Roles.OPERATOR, Roles.AI_COMPANY})
    @Operation(
            operationId = "revokeAccessKey",
            summary = "Revoke an access key",
            description = "The owning AI company or an operator; effective "
                    + "for the next S3 request. Revoking a revoked key changes nothing.")
    public AccessKeyResponse revoke(@PathParam("id") UUID grantId, @PathParam("keyId") UUID keyId) {
        return service.revoke(grantId, keyId);
    }
}
