package io.labgate.inventory.web;

import io.labgate.inventory.api.ServerStatus;
import io.labgate.inventory.server.LabServerService;
import io.labgate.inventory.server.ServerKind;
import io.labgate.platform.http.ETags;
import io.labgate.platform.idempotency.Idempotency;
import io.labgate.platform.idempotency.IdempotentResult;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lab servers", description = "GPU/CPU machines of the lab and their maintenance windows")
@SecurityRequirement(name = "SecurityScheme")
public class LabServerResource {

    @Inject
    LabServerService service;

    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listServers",
            summary = "List lab servers",
            description = "Any authenticated user. Filter by kind, status, "
                    + "network zone and GPU model (substring); sort by hostname, cpuCores, gpuCount, createdAt, ...")
    public PageResponse<LabServerResponse> list(
            @QueryParam("kind") ServerKind kind,
            @QueryParam("status") ServerStatus status,
            @QueryParam("networkZone") String networkZone,
            @QueryParam("gpuModel") String gpuModel,
            @Valid @BeanParam PageQuery page) {
        return service.list(kind, status, networkZone, gpuModel, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getServer",
            summary = "Read a lab server",
            description = "Any authenticated user. The ETag is the version to " + "send in If-Match when updating.")
    @APIResponseSchema(value = LabServerResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response get(@PathParam("id") UUID id) {
        LabServerResponse server = service.get(id);
        return Response.ok(server).tag(ETags.of(server.version())).build();
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "registerServer", summary = "Register a lab server", description = "Operators only.")
    @APIResponse(responseCode = "409", description = "Host name or asset tag already registered")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @APIResponseSchema(value = LabServerResponse.class, responseCode = "201", responseDescription = "Registered")
    @Extension(name = "x-etag", value = "true")
    public Response create(
            @Valid @NotNull LabServerRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "create-server", request, () -> {
            LabServerResponse server = service.create(request);
            return new IdempotentResult(
                    201,
                    uri.getAbsolutePathBuilder().path(server.id().toString()).build(),
                    server,
                    ETags.of(server.version()));
        });
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "updateServer",
            summary = "Update a lab server",
            description =
                    "Operators only. Needs If-Match with the ETag "
                            + "read before; answers 412 when someone changed the server meanwhile. A RETIRED server cannot change.")
    @APIResponseSchema(value = LabServerResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LabServerRequest request) {
        LabServerResponse server = service.update(id, ETags.expectedVersion(ifMatch), request);
        return Response.ok(server).tag(ETags.of(server.version())).build();
    }

    @POST
    @Path("{id}/retire")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "retireServer",
            summary = "Retire a lab server for good",
            description = "Operators only. Needs If-Match. " + "Refused while bookings of the server have not ended.")
    @APIResponseSchema(value = LabServerResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response retire(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RetireServerRequest request) {
        LabServerResponse server = service.retire(id, ETags.expectedVersion(ifMatch), request.reason());
        return Response.ok(server).tag(ETags.of(server.version())).build();
    }

    @GET
    @Path("{id}/maintenance")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listMaintenanceWindows",
            summary = "List a server's maintenance windows",
            description = "Any authenticated user.")
    public PageResponse<MaintenanceWindowResponse> maintenance(
            @PathParam("id") UUID id, @Valid @BeanParam PageQuery page) {
        return service.maintenance(id, page);
    }

    @POST
    @Path("{id}/maintenance")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "scheduleMaintenance",
            summary = "Schedule maintenance",
            description = "Operators only. The database refuses a window "
                    + "that overlaps a booking or another window of the same server (409).")
    @APIResponseSchema(value = MaintenanceWindowResponse.class, responseCode = "201", responseDescription = "Scheduled")
    public Response scheduleMaintenance(
            @PathParam("id") UUID id,
            @Valid @NotNull MaintenanceWindowRequest request,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        MaintenanceWindowResponse window = service.scheduleMaintenance(id, request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(window.id().toString())
                        .build())
                .entity(window)
                .build();
    }

    @DELETE
    @Path("{id}/maintenance/{windowId}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "cancelMaintenance",
            summary = "Cancel a maintenance window",
            description = "Operators only.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    public void cancelMaintenance(@PathParam("id") UUID id, @PathParam("windowId") UUID windowId) {
        service.cancelMaintenance(id, windowId);
    }
}
