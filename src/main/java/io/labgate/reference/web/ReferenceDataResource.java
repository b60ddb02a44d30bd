package io.labgate.reference.web;

import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Roles;
import io.labgate.reference.ReferenceDataService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The HTTP face of one reference list; {@link IndustryResource} and {@link AiTechnologyResource} give it a path.
 * Anyone authenticated reads, operators write.
 */
public abstract class ReferenceDataResource {

    protected abstract ReferenceDataService<?> service();

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "list{Entries}",
            summary = "List the entries",
            description = "Any authenticated user. Sorted by code unless sort " + "names code or name.")
    public PageResponse<ReferenceEntryResponse> list(@Valid @BeanParam PageQuery page) {
        return service().list(page);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "get{Entry}",
            summary = "Read an entry",
            description = "Any authenticated user. The ETag is the version to send " + "in If-Match when updating.")
    @APIResponseSchema(value = ReferenceEntryResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response get(@PathParam("code") String code) {
        return ok(service().get(code));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "create{Entry}", summary = "Register an entry", description = "Operators only.")
    @APIResponse(responseCode = "409", description = "The code is already registered")
    // spelled out: SmallRye drops an @APIResponseSchema of an inherited method that has @APIResponse beside it
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @org.eclipse.microprofile.openapi.annotations.media.Content(
                            mediaType = "application/json",
                            schema =
                                    @org.eclipse.microprofile.openapi.annotations.media.Schema(
                                            implementation = ReferenceEntryResponse.class)))
    @Extension(name = "x-etag", value = "true")
    public Response create(@Valid @NotNull ReferenceEntryRequest request, @Context UriInfo uri) {
        ReferenceEntryResponse entry = service().create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(entry.code()).build())
                .entity(entry)
                .tag(ETags.of(entry.version()))
                .build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "update{Entry}",
            summary = "Update an entry",
            description = "Operators only. Needs If-Match with the ETag read "
                    + "before (428 without, 412 when stale). The code cannot change.")
    @APIResponseSchema(value = ReferenceEntryResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response update(
            @PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReferenceEntryRequest request) {
        return ok(service().update(code, ETags.expectedVersion(ifMatch), request));
    }

    private static Response ok(ReferenceEntryResponse entry) {
        return Response.ok(entry).tag(ETags.of(entry.version())).build();
    }
}
