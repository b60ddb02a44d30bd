package io.labgate.policy.web;

import io.labgate.platform.error.Problem;
import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Roles;
import io.labgate.policy.SecurityPolicyService;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Security policies",
        description = "Versioned rules for the datasets that use them: grant length, "
                + "link lifetime, access modes, client networks, consent, terms, concurrency and byte quota")
@SecurityRequirement(name = "SecurityScheme")
public class SecurityPolicyResource {

    @Inject
    SecurityPolicyService service;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listPolicies",
            summary = "List security policies",
            description = "Any authenticated user. The newest version of "
                    + "each policy. Filter by consentRequired; sort by code (default), createdAt or title.")
    public PageResponse<SecurityPolicyResponse> list(
            @QueryParam("consentRequired") Boolean consentRequired, @Valid @BeanParam PageQuery page) {
        return service.listLatest(consentRequired, page);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "createPolicy",
            summary = "Create a security policy",
            description = "Operators only. Creates version 1 of a new "
                    + "policy code. Change a policy later with POST /api/v1/policies/{code}/versions.")
    @APIResponse(
            responseCode = "400",
            description = "Invalid terms; each field is named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "A policy with this code exists already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(
            value = SecurityPolicyResponse.class,
            responseCode = "201",
            responseDescription = "Created; Location names the version")
    @Extension(name = "x-etag", value = "true")
    public Response create(@Valid @NotNull SecurityPolicyRequest request, @Context UriInfo uri) {
        return created(service.create(request), uri);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getPolicy",
            summary = "Read the newest version of a policy",
            description =
                    "Any authenticated user. " + "Content-Location names the version; the ETag is that version's.")
    @APIResponseSchema(value = SecurityPolicyResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response latest(@PathParam("code") String code, @Context UriInfo uri) {
        SecurityPolicyResponse policy = service.getLatest(code);
        return Response.ok(policy)
                .tag(ETags.of(policy.version()))
                .contentLocation(location(policy, uri))
                .build();
    }

    @GET
    @Path("{code}/versions")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listPolicyVersions",
            summary = "List the versions of a policy",
            description = "Any authenticated user. Sort by " + "versionNo (default) or createdAt.")
    public PageResponse<SecurityPolicyResponse> versions(
            @PathParam("code") String code, @Valid @BeanParam PageQuery page) {
        return service.listVersions(code, page);
    }

    @POST
    @Path("{code}/versions")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "createPolicyVersion",
            summary = "Create the next version of a policy",
            description = "Operators only. The whole set of "
                    + "terms, without the code. This is how a policy that datasets use (a locked version) changes; "
                    + "datasets move to the new version explicitly.")
    @APIResponse(
            responseCode = "404",
            description = "No policy with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(
            value = SecurityPolicyResponse.class,
            responseCode = "201",
            responseDescription = "Created; Location names the new version")
    @Extension(name = "x-etag", value = "true")
    public Response createNextVersion(
            @PathParam("code") String code,
            @Valid @NotNull SecurityPolicyVersionRequest request,
            @Context UriInfo uri) {
        return created(service.createNextVersion(code, request), uri);
    }

    @GET
    @Path("{code}/versions/{versionNo}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getPolicyVersion",
            summary = "Read one version of a policy",
            description = "Any authenticated user. The ETag is the " + "value to send in If-Match when updating.")
    @APIResponseSchema(value = SecurityPolicyResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response version(
            @PathParam("code") String code,
            @PathParam("versionNo") @Parameter(description = "1, 2, 3, ...") int versionNo) {
        SecurityPolicyResponse policy = service.getVersion(code, versionNo);
        return Response.ok(policy).tag(ETags.of(policy.version())).build();
    }

    @PUT
    @Path("{code}/versions/{versionNo}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "updatePolicyVersion",
            summary = "Update a version that no dataset uses yet",
            description = "Operators only. Needs "
                    + "If-Match with the ETag read before (428 without it, 412 when stale). A version that a dataset "
                    + "uses is immutable: 409, create a new version instead.")
    @APIResponse(
            responseCode = "409",
            description = "The version is in use and cannot change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Someone changed the version meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = SecurityPolicyResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response update(
            @PathParam("code") String code,
            @PathParam("versionNo") int versionNo,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SecurityPolicyVersionRequest request) {
        SecurityPolicyResponse policy = service.update(code, versionNo, ETags.expectedVersion(ifMatch), request);
        return Response.ok(policy).tag(ETags.of(policy.version())).build();
    }

    private static Response created(SecurityPolicyResponse policy, UriInfo uri) {
        return Response.created(location(policy, uri))
                .entity(policy)
                .tag(ETags.of(policy.version()))
                .build();
    }

    private static URI location(SecurityPolicyResponse policy, UriInfo uri) {
        return uri.getBaseUriBuilder()
                .path(SecurityPolicyResource.class)
                .path(policy.code())
                .path("versions")
                .path(Integer.toString(policy.versionNo()))
                .build();
    }
}
