package io.labgate.inventory.web;

import io.labgate.inventory.api.BucketPurpose;
import io.labgate.inventory.bucket.BucketDrift;
import io.labgate.inventory.bucket.StorageBucketService;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/buckets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Storage buckets",
        description =
                "Object-storage buckets of the lab, their quotas, and their usage "
                        + "reconciled against the real store. Operators manage them; auditors read them; nobody else sees them.")
@SecurityRequirement(name = "SecurityScheme")
public class StorageBucketResource {

    @Inject
    StorageBucketService service;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listBuckets",
            summary = "List buckets",
            description = "Operators and auditors. Filter by purpose and drift; "
                    + "sort by name, purpose, usedBytes or createdAt.")
    public PageResponse<BucketResponse> list(
            @QueryParam("purpose") BucketPurpose purpose,
            @QueryParam("drift") BucketDrift drift,
            @Valid @BeanParam PageQuery page) {
        return service.list(purpose, drift, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getBucket",
            summary = "Read a bucket",
            description = "Operators and auditors. The ETag is the version to send "
                    + "in If-Match when updating; a reconciliation changes it too.")
    @APIResponseSchema(value = BucketResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response get(@PathParam("id") UUID id) {
        BucketResponse bucket = service.get(id);
        return Response.ok(bucket).tag(ETags.of(bucket.version())).build();
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "registerBucket",
            summary = "Register a bucket",
            description = "Operators only. mode REGISTER records a bucket that "
                    + "already exists in the object store; mode CREATE creates it there first (or records it if it "
                    + "exists). The bucket is reconciled once right away.")
    @APIResponse(responseCode = "409", description = "A bucket of that name is already registered")
    @APIResponse(responseCode = "422", description = "mode REGISTER, and the bucket is not in the object store")
    @APIResponse(responseCode = "502", description = "The object store failed; nothing was registered")
    @APIResponseSchema(
            value = BucketResponse.class,
            responseCode = "201",
            responseDescription = "Registered and reconciled")
    @Extension(name = "x-etag", value = "true")
    public Response create(@Valid @NotNull BucketRequest request, @Context UriInfo uri) {
        BucketResponse bucket = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(bucket.id().toString())
                        .build())
                .entity(bucket)
                .tag(ETags.of(bucket.version()))
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "updateBucket",
            summary = "Update a bucket",
            description = "Operators only. Changes purpose, quota, flags and "
                    + "description; the name is immutable. Needs If-Match with the ETag read before (428 without it, "
                    + "412 when the bucket changed meanwhile).")
    @APIResponseSchema(value = BucketResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull BucketUpdateRequest request) {
        BucketResponse bucket = service.update(id, ETags.expectedVersion(ifMatch), request);
        return Response.ok(bucket).tag(ETags.of(bucket.version())).build();
    }

    @POST
    @Path("{id}/reconcile")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "reconcileBucket",
            summary = "Reconcile a bucket now",
            description = "Operators only. Counts the bucket's objects "
                    + "and bytes in the object store, records them with the drift (MISSING, OVER_QUOTA or NONE) and "
                    + "appends a usage sample.")
    @APIResponse(responseCode = "502", description = "The object store failed; nothing was recorded")
    @APIResponseSchema(value = BucketResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response reconcile(@PathParam("id") UUID id) {
        BucketResponse bucket = service.reconcile(id);
        return Response.ok(bucket).tag(ETags.of(bucket.version())).build();
    }

    @GET
    @Path("{id}/usage-samples")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listBucketUsageSamples",
            summary = "List a bucket's usage samples",
            description = "Operators and auditors. One sample per "
                    + "reconciliation, newest first, optionally within [from, to).")
    public PageResponse<BucketUsageSampleResponse> usageSamples(
            @PathParam("id") UUID id,
            @Parameter(description = "Earliest sample time, inclusive (ISO-8601)", example = "2026-01-01T00:00:00Z")
                    @QueryParam("from")
                    Instant from,
            @Parameter(description = "Latest sample time, exclusive (ISO-8601)", example = "2026-02-01T00:00:00Z")
                    @QueryParam("to")
                    Instant to,
            @Valid @BeanParam PageQuery page) {
        return service.usageSamples(id, from, to, page);
    }
}
