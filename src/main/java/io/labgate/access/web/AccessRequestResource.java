package io.labgate.access.web;

import io.labgate.access.consent.ConsentDecision;
import io.labgate.access.request.AccessRequestService;
import io.labgate.access.request.RequestStatus;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/access-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access requests", description = "An AI company applies, providers consent, an operator decides")
@SecurityRequirement(name = "SecurityScheme")
public class AccessRequestResource {

    @Inject
    AccessRequestService service;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.AI_COMPANY)
    @Operation(
            operationId = "submitAccessRequest",
            summary = "Apply for dataset versions",
            description = "AI companies only, for their own "
                    + "organization. Checked against every dataset's policy (period, modes, terms version, concurrent "
                    + "grants) and use conditions; 422 lists every failing reason. Accepts an Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "Submitted; status AWAITING_CONSENT, UNDER_REVIEW, or "
                    + "REJECTED when a provider's exclusion list names the company")
    @APIResponse(
            responseCode = "422",
            description = "Refused by a policy or use condition, or Idempotency-Key " + "reused with another body")
    @APIResponse(
            responseCode = "409",
            description = "Held back: the company owes an overdue destruction attestation (code "
                    + "ATTESTATION_OVERDUE, the detail names it and its grant)")
    @APIResponseSchema(value = AccessRequestResponse.class, responseCode = "201", responseDescription = "Created")
    @Extension(name = "x-etag", value = "true")
    public Response submit(
            @Valid @NotNull SubmitAccessRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "submit-access-request", request, () -> {
            AccessRequestResponse created = service.submit(request);
            return new IdempotentResult(
                    201,
                    uri.getAbsolutePathBuilder().path(created.id().toString()).build(),
                    created,
                    ETags.of(created.version()));
        });
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listAccessRequests",
            summary = "List access requests",
            description = "Operators and auditors: all; AI companies: "
                    + "their own; providers: those asking for their consent. Filter by status.")
    public PageResponse<AccessRequestResponse> list(
            @QueryParam("status") RequestStatus status, @Valid @BeanParam PageQuery page) {
        return service.list(status, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getAccessRequest",
            summary = "Read an access request",
            description = "As the list: someone else's request is 404.")
    @APIResponseSchema(value = AccessRequestResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response get(@PathParam("id") UUID id) {
        AccessRequestResponse request = service.get(id);
        return Response.ok(request).tag(ETags.of(request.version())).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listAccessRequestHistory",
            summary = "Every transition of a request",
            description = "Who moved it, from what to what, why.")
    public List<TransitionResponse> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Roles.AI_COMPANY)
    @Operation(
            operationId = "withdrawAccessRequest",
            summary = "Withdraw a request",
            description = "AI companies only, their own request, before a " + "decision; afterwards 409.")
    @APIResponse(responseCode = "409", description = "Already decided")
    @APIResponseSchema(value = AccessRequestResponse.class, responseCode = "200", responseDescription = "OK")
    public AccessRequestResponse withdraw(@PathParam("id") UUID id, @Valid ReasonRequest request) {
        return service.withdraw(id, request == null ? null : request.reason());
    }

    @POST
    @Path("{id}/consents/{datasetId}")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            operationId = "answerConsent",
            summary = "Consent or refuse",
            description = "Providers only, for a dataset they provide (else "
                    + "404). A refusal rejects the request; the last consent sends it to review.")
    @APIResponse(responseCode = "409", description = "Not AWAITING_CONSENT, or already answered")
    @APIResponseSchema(value = AccessRequestResponse.class, responseCode = "200", responseDescription = "OK")
    public AccessRequestResponse consent(
            @PathParam("id") UUID id, @PathParam("datasetId") UUID datasetId, @Valid @NotNull ConsentRequest request) {
        return service.consent(id, datasetId, ConsentDecision.valueOf(request.decision()), request.reason());
    }

    @POST
    @Path("{id}/consents/{datasetId}/withdraw")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            operationId = "withdrawConsent",
            summary = "Withdraw a consent",
            description =
                    "Providers only, a consent they granted; before the "
                            + "decision the request is REJECTED, after an approval the grants relying on it are revoked at once.")
    @APIResponse(responseCode = "409", description = "The consent is not GRANTED")
    @APIResponseSchema(value = AccessRequestResponse.class, responseCode = "200", responseDescription = "OK")
    public AccessRequestResponse withdrawConsent(
            @PathParam("id") UUID id, @PathParam("datasetId") UUID datasetId, @Valid ReasonRequest request) {
        return service.withdrawConsent(id, datasetId, request == null ? null : request.reason());
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "decideAccessRequest",
            summary = "Approve or reject",
            description = "Operators only, from UNDER_REVIEW (else 409 naming "
                    + "the current status). Approval creates one grant per dataset version.")
    @APIResponse(responseCode = "409", description = "Not UNDER_REVIEW")
    @APIResponseSchema(value = AccessRequestResponse.class, responseCode = "200", responseDescription = "OK")
    public AccessRequestResponse decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return service.decideByOperator(id, request.approve(), request.reason());
    }
}
