package io.labgate.access.web;

import io.labgate.access.consent.ExclusionService;
import io.labgate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("/api/v1/providers/me/exclusions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Provider exclusions", description = "AI companies a data provider refuses standing")
@SecurityRequirement(name = "SecurityScheme")
public class ExclusionResource {

    @Inject
    ExclusionService service;

    @GET
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            operationId = "listExclusions",
            summary = "List my exclusions",
            description = "Providers only: their own organization's list.")
    public List<ExclusionResponse> list() {
        return service.list();
    }

    @PUT
    @Path("{orgId}")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            operationId = "excludeOrganization",
            summary = "Exclude an AI company",
            description = "Providers only. Consents of requests submitted "
                    + "by this AI company afterwards are refused automatically, and those requests REJECTED.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = ExclusionResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Reason replaced",
            content = @Content(schema = @Schema(implementation = ExclusionResponse.class)))
    @APIResponse(responseCode = "422", description = "Not a registered AI company")
    public Response put(@PathParam("orgId") UUID orgId, @Valid @NotNull ExclusionRequest request) {
        ExclusionService.Put put = service.put(orgId, request.reason());
        return Response.status(put.created() ? 201 : 200)
                .entity(put.exclusion())
                .build();
    }

    @DELETE
    @Path("{orgId}")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(operationId = "removeExclusion", summary = "Lift an exclusion", description = "Providers only.")
    @APIResponse(responseCode = "204", description = "Lifted")
    public void delete(@PathParam("orgId") UUID orgId) {
        service.delete(orgId);
    }
}
