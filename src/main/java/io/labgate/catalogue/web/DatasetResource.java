package io.labgate.catalogue.web;

import io.labgate.catalogue.DatasetCatalogueService;
import io.labgate.catalogue.ManifestBuilder;
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
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Dataset catalogue",
        description = "Processed datasets, their immutable versions, manifests and " + "de-identification attestations")
@SecurityRequirement(name = "SecurityScheme")
public class DatasetResource {

    private static final String VISIBILITY = " Operators, auditors and the dataset's own providers see every "
            + "version; anyone else sees only datasets with a PUBLISHED version and only those versions (others "
            + "answer 404).";

    @Inject
    DatasetCatalogueService service;

    @Inject
    ManifestBuilder manifests;

    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listDatasets",
            summary = "Search the catalogue",
            description = "Any authenticated user. Filter by industry code, "
                    + "AI technology code, provider organization id and text (q, in code, title and description); sort by "
                    + "code (default), title, createdAt, updatedAt." + VISIBILITY)
    public PageResponse<DatasetResponse> list(
            @QueryParam("industry") String industry,
            @QueryParam("aiTechnology") String aiTechnology,
            @QueryParam("provider") UUID provider,
            @QueryParam("q") String q,
            @Valid @BeanParam PageQuery page) {
        return service.list(industry, aiTechnology, provider, q, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getDataset",
            summary = "Read a dataset",
            description = "Any authenticated user who may see it; the ETag is the " + "version to send in If-Match."
                    + VISIBILITY)
    @APIResponseSchema(value = DatasetResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response get(@PathParam("id") UUID id) {
        DatasetResponse dataset = service.get(id);
        return Response.ok(dataset).tag(ETags.of(dataset.version())).build();
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "createDataset",
            summary = "Create a dataset",
            description = "Operators only. Industry, AI technology, policy "
                    + "version and providers must exist, providers being DATA_PROVIDER organizations (else 422 naming each "
                    + "field). Accepts an Idempotency-Key.")
    @APIResponse(responseCode = "409", description = "Code already taken")
    @APIResponse(responseCode = "422", description = "A referenced code, policy or provider is unusable")
    @APIResponseSchema(value = DatasetResponse.class, responseCode = "201", responseDescription = "Created")
    @Extension(name = "x-etag", value = "true")
    public Response create(
            @Valid @NotNull DatasetRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "create-dataset", request, () -> {
            DatasetResponse dataset = service.create(request);
            return new IdempotentResult(
                    201,
                    uri.getAbsolutePathBuilder().path(dataset.id().toString()).build(),
                    dataset,
                    ETags.of(dataset.version()));
        });
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "updateDataset",
            summary = "Update a dataset",
            description = "Operators only. Needs If-Match. Title, description, "
                    + "use conditions, providers and policy may change; code, industry and AI technology may not. A "
                    + "dataset with a published version locks its new policy version at once.")
    @APIResponseSchema(value = DatasetResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DatasetRequest request) {
        DatasetResponse dataset = service.update(id, ETags.expectedVersion(ifMatch), request);
        return Response.ok(dataset).tag(ETags.of(dataset.version())).build();
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listDatasetVersions",
            summary = "List a dataset's versions",
            description = "Sort by createdAt (default), label, status, " + "publishedAt." + VISIBILITY)
    public PageResponse<DatasetVersionResponse> versions(@PathParam("id") UUID id, @Valid @BeanParam PageQuery page) {
        return service.listVersions(id, page);
    }

    @POST
    @Path("{id}/versions")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "createDatasetVersion",
            summary = "Create a DRAFT version",
            description = "Operators only. The bucket must be registered "
                    + "and PROCESSED (RAW buckets are never grantable; SANDBOX and ARCHIVE hold no catalogue data): 422 "
                    + "otherwise. The prefix ends with '/'. Accepts an Idempotency-Key.")
    @APIResponse(responseCode = "409", description = "The dataset already has a version with this label")
    @APIResponseSchema(value = DatasetVersionResponse.class, responseCode = "201", responseDescription = "Created")
    @Extension(name = "x-etag", value = "true")
    public Response createVersion(
            @PathParam("id") UUID id,
            @Valid @NotNull DatasetVersionRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "create-dataset-version:" + id, request, () -> {
            DatasetVersionResponse version = service.createVersion(id, request);
            return new IdempotentResult(
                    201,
                    uri.getAbsolutePathBuilder().path(version.id().toString()).build(),
                    version,
                    ETags.of(version.version()));
        });
    }

    @GET
    @Path("{id}/versions/{versionId}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getDatasetVersion",
            summary = "Read a dataset version",
            description = "The ETag is its version." + VISIBILITY)
    @APIResponseSchema(value = DatasetVersionResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response version(@PathParam("id") UUID id, @PathParam("versionId") UUID versionId) {
        DatasetVersionResponse version = service.getVersion(id, versionId);
        return Response.ok(version).tag(ETags.of(version.version())).build();
    }

    @GET
    @Path("{id}/versions/{versionId}/objects")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listDatasetVersionObjects",
            summary = "List a version's manifest",
            description = "Objects by key with size and SHA-256; " + "`prefix` keeps only keys that start with it."
                    + VISIBILITY)
    public PageResponse<DatasetObjectResponse> objects(
            @PathParam("id") UUID id,
            @PathParam("versionId") UUID versionId,
            @QueryParam("prefix") String prefix,
            @Valid @BeanParam PageQuery page) {
        return service.listObjects(id, versionId, prefix, page);
    }

    @POST
    @Path("{id}/versions/{versionId}/manifest")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "buildManifest",
            summary = "Build a DRAFT version's manifest from the store",
            description = "Operators only. Lists "
                    + "the objects under the prefix and streams each through SHA-256; replaces any earlier manifest. 409 "
                    + "once the version is published; 422 when the prefix holds more objects than "
                    + "labgate.catalog.max-manifest-objects; 502 when the store fails.")
    @APIResponseSchema(value = DatasetVersionResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response buildManifest(@PathParam("id") UUID id, @PathParam("versionId") UUID versionId) {
        DatasetVersionResponse version = manifests.build(id, versionId);
        return Response.ok(version).tag(ETags.of(version.version())).build();
    }

    @PUT
    @Path("{id}/versions/{versionId}/attestation")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "attestDatasetVersion",
            summary = "Record a DRAFT version's de-identification attestation",
            description = "Operators "
                    + "only. Needs If-Match with the version's ETag. verifiedOn may not be in the future (lab calendar, "
                    + "Asia/Seoul). 409 once the version is published.")
    @APIResponseSchema(value = DatasetVersionResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response attest(
            @PathParam("id") UUID id,
            @PathParam("versionId") UUID versionId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AttestationRequest request) {
        DatasetVersionResponse version = service.attest(id, versionId, ETags.expectedVersion(ifMatch), request);
        return Response.ok(version).tag(ETags.of(version.version())).build();
    }

    @POST
    @Path("{id}/versions/{versionId}/publish")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "publishDatasetVersion",
            summary = "Publish a DRAFT version",
            description = "Operators only; If-Match optional. Refused "
                    + "(409, every reason listed under violations) unless the manifest is built and lists objects, the "
                    + "attestation is verified and the bucket is PROCESSED. Locks the dataset's policy version. From now "
                    + "on the version is immutable (the database refuses changes).")
    @APIResponseSchema(value = DatasetVersionResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response publish(
            @PathParam("id") UUID id,
            @PathParam("versionId") UUID versionId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        DatasetVersionResponse version = service.publish(id, versionId, optionalVersion(ifMatch));
        return Response.ok(version).tag(ETags.of(version.version())).build();
    }

    @POST
    @Path("{id}/versions/{versionId}/retire")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "retireDatasetVersion",
            summary = "Retire a PUBLISHED version",
            description = "Operators only; If-Match optional. No new "
                    + "grants; the access workflow is told (DatasetVersionRetired).")
    @APIResponseSchema(value = DatasetVersionResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response retire(
            @PathParam("id") UUID id,
            @PathParam("versionId") UUID versionId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RetireVersionRequest request) {
        DatasetVersionResponse version = service.retire(id, versionId, optionalVersion(ifMatch), request.reason());
        return Response.ok(version).tag(ETags.of(version.version())).build();
    }

    private static OptionalLong optionalVersion(String ifMatch) {
        return ifMatch == null ? OptionalLong.empty() : OptionalLong.of(ETags.expectedVersion(ifMatch));
    }
}
