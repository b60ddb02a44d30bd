package io.labgate.access.web;

import io.labgate.access.grant.GrantService;
import io.labgate.access.grant.GrantStatus;
import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Grants", description = "Time-boxed access of an organization to a dataset version")
@SecurityRequirement(name = "SecurityScheme")
public class GrantResource {

    @Inject
    GrantService service;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listGrants",
            summary = "List grants",
            description = "Operators and auditors: all; AI companies: their own; "
                    + "providers: grants on datasets they provide (which company, project, until when). Filter by "
                    + "status, dataset version and request.")
    public PageResponse<GrantResponse> list(
            @QueryParam("status") GrantStatus status,
            @QueryParam("datasetVersionId") UUID datasetVersionId,
            @QueryParam("requestId") UUID requestId,
            @Valid @BeanParam PageQuery page) {
        return service.list(status, datasetVersionId, requestId, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getGrant",
            summary = "Read a grant",
            description = "As the list: someone else's grant is 404.")
    @APIResponseSchema(value = GrantResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response get(@PathParam("id") UUID id) {
        GrantResponse grant = service.get(id);
        return Response.ok(grant).tag(ETags.of(grant.version())).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listGrantHistory",
            summary = "Every change of a grant",
            description = "Creation, suspensions, extensions, the end.")
    public List<GrantChangeResponse> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "suspendGrant",
            summary = "Suspend a grant",
            description = "Operators only; ACTIVE → SUSPENDED, else 409.")
    public GrantResponse suspend(@PathParam("id") UUID id, @Valid @NotNull GrantReasonRequest request) {
        return service.suspend(id, request.reason());
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "resumeGrant",
            summary = "Resume a grant",
            description = "Operators only; SUSPENDED → ACTIVE, else 409.")
    public GrantResponse resume(@PathParam("id") UUID id, @Valid @NotNull GrantReasonRequest request) {
        return service.resume(id, request.reason());
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "revokeGrant",
            summary = "Revoke a grant",
            description = "Operators only; ACTIVE or SUSPENDED → REVOKED, final.")
    public GrantResponse revoke(@PathParam("id") UUID id, @Valid @NotNull GrantReasonRequest request) {
        return service.revoke(id, request.reason());
    }

    @POST
    @Path("{id}/extend")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "extendGrant",
            summary = "Extend a grant",
            description = "Operators only; a later end within the policy's "
                    + "longest grant from valid_from (else 422), recorded as EXTENDED.")
    public GrantResponse extend(@PathParam("id") UUID id, @Valid @NotNull ExtendGrantRequest request) {
        return service.extend(id, request.validUntil(), request.reason());
    }
}
