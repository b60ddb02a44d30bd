package io.labgate.access.web;

import io.labgate.access.grant.GrantService;
import io.labgate.access.grant.GrantStatus;
import io.labgate.platform.error.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Grants", description = "Time-boxed access of an organization to a dataset version")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class GrantResource {

    @Inject
    GrantService service;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
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
    @Operation(summary = "Read a grant", description = "As the list: someone else's grant is 404.")
    public Response get(@PathParam("id") UUID id) {
        GrantResponse grant = service.get(id);
        return Response.ok(grant).tag(ETags.of(grant.version())).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(summary = "Every change of a grant", description = "Creation, suspensions, extensions, the end.")
    public List<GrantChangeResponse> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Suspend a grant", description = "Operators only; ACTIVE → SUSPENDED, else 409.")
    public GrantResponse suspend(@PathParam("id") UUID id, @Valid @NotNull GrantReasonRequest request) {
        return service.suspend(id, request.reason());
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Resume a grant", description = "Operators only; SUSPENDED → ACTIVE, else 409.")
    public GrantResponse resume(@PathParam("id") UUID id, @Valid @NotNull GrantReasonRequest request) {
        return service.resume(id, request.reason());
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Revoke a grant", description = "Operators only; ACTIVE or SUSPENDED → REVOKED, final.")
    public GrantResponse revoke(@PathParam("id") UUID id, @Valid @NotNull GrantReasonRequest request) {
        return service.revoke(id, request.reason());
    }

    @POST
    @Path("{id}/extend")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary = "Extend a grant",
            description = "Operators only; a later end within the policy's "
                    + "longest grant from valid_from (else 422), recorded as EXTENDED.")
    public GrantResponse extend(@PathParam("id") UUID id, @Valid @NotNull ExtendGrantRequest request) {
        return service.extend(id, request.validUntil(), request.reason());
    }
}
