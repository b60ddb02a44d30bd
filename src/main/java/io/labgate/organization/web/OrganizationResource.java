package io.labgate.organization.web;

import io.labgate.organization.MachineCredentials;
import io.labgate.organization.OrganizationService;
import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.OrganizationStatus;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "AI companies, data providers and the lab operator")
@SecurityRequirement(name = "SecurityScheme")
public class OrganizationResource {

    @Inject
    OrganizationService service;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listOrganizations",
            summary = "List organizations",
            description = "Operators and auditors see every organization; "
                    + "an AI company or provider sees only its own. Filter by kind, status and a substring of the name; "
                    + "sort by name or createdAt.")
    public PageResponse<OrganizationResponse> list(
            @QueryParam("kind") OrganizationKind kind,
            @QueryParam("status") OrganizationStatus status,
            @QueryParam("name") @Parameter(description = "Substring of the name, any case") String name,
            @Valid @BeanParam PageQuery page) {
        return service.list(kind, status, name, page);
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getMyOrganization",
            summary = "Read the caller's own organization",
            description = "The organization named by the "
                    + "token's org_id claim; 404 when the token names none or it is not registered.")
    @APIResponse(
            responseCode = "404",
            description = "The token names no organization, or one not registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = OrganizationResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response mine() {
        return ok(service.mine());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getOrganization",
            summary = "Read an organization",
            description = "Operators and auditors read any; anyone else only "
                    + "their own, and another organization's id answers 404. The ETag is the version for If-Match.")
    @APIResponse(
            responseCode = "404",
            description = "No such organization, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = OrganizationResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "createOrganization",
            summary = "Register an organization",
            description = "Operators only. It starts PENDING. The "
                    + "business registration number is stored as its ten digits after its check digit is verified.")
    @APIResponse(responseCode = "409", description = "Business registration number already registered")
    @APIResponseSchema(value = OrganizationResponse.class, responseCode = "201", responseDescription = "Registered")
    @Extension(name = "x-etag", value = "true")
    public Response create(@Valid @NotNull OrganizationRequest request, @Context UriInfo uri) {
        OrganizationResponse organization = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(organization.id().toString())
                        .build())
                .entity(organization)
                .tag(ETags.of(organization.version()))
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "updateOrganization",
            summary = "Update an organization's name and contact",
            description =
                    "Operators only. Needs "
                            + "If-Match (428 without, 412 when stale). Kind and business registration number cannot change (400).")
    @APIResponseSchema(value = OrganizationResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OrganizationRequest request) {
        return ok(service.update(id, ETags.expectedVersion(ifMatch), request));
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "activateOrganization",
            summary = "Activate an organization",
            description = "Operators only. PENDING or SUSPENDED becomes "
                    + "ACTIVE; an ACTIVE organization answers 409. The body (a reason) is optional; If-Match is checked "
                    + "when sent. An AI company or data provider is provisioned in Keycloak first: a group under "
                    + "/organizations and a machine client (client credentials) whose tokens carry its org_id. The "
                    + "activation that creates the client answers its secret once, in `credentials` (Cache-Control: "
                    + "no-store); later activations re-enable the client and the users the suspension disabled, without a "
                    + "new secret. When Keycloak fails the organization is not changed (502, or 503 when unreachable).")
    @APIResponse(responseCode = "409", description = "Already ACTIVE")
    @APIResponse(
            responseCode = "502",
            description = "Keycloak refused the provisioning; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "Keycloak cannot be reached; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = OrganizationResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response activate(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ActivateOrganizationRequest request) {
        OrganizationResponse organization =
                service.activate(id, optionalVersion(ifMatch), request == null ? null : request.reason());
        Response.ResponseBuilder response = Response.ok(organization).tag(ETags.of(organization.version()));
        return organization.credentials() == null
                ? response.build()
                : noStore(response).build();
    }

    @POST
    @Path("{id}/credentials/rotate")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "rotateOrganizationCredentials",
            summary = "Issue a new secret for an organization's machine client",
            description = "Operators "
                    + "only. Answers the new secret once (Cache-Control: no-store); the previous secret stops working at "
                    + "once. Works while SUSPENDED too (the client stays disabled). 409 for an organization without a "
                    + "machine client: the operator's own, or one never activated.")
    @APIResponse(
            responseCode = "200",
            description = "The new credentials, shown this once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MachineCredentials.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The organization has no machine client",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "502",
            description = "Keycloak refused; the old secret may still be valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "Keycloak cannot be reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rotateCredentials(@PathParam("id") UUID id) {
        return noStore(Response.ok(service.rotateCredentials(id))).build();
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "suspendOrganization",
            summary = "Suspend an organization",
            description = "Operators only. Only an ACTIVE organization "
                    + "can be suspended (else 409); the reason is required. If-Match is checked when sent. A provisioned "
                    + "organization's machine client is disabled in Keycloak (no new tokens) and so are the users of its "
                    + "group; when Keycloak fails the organization stays ACTIVE (502/503).")
    @APIResponse(responseCode = "409", description = "Not ACTIVE")
    @APIResponseSchema(value = OrganizationResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response suspend(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SuspendOrganizationRequest request) {
        return ok(service.suspend(id, optionalVersion(ifMatch), request.reason()));
    }

    /** A response with a secret in it must not be kept by any cache (as for OAuth token responses). */
    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }

    private static Response ok(OrganizationResponse organization) {
        return Response.ok(organization).tag(ETags.of(organization.version())).build();
    }

    private static OptionalLong optionalVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank()
                ? OptionalLong.empty()
                : OptionalLong.of(ETags.expectedVersion(ifMatch));
    }
}
