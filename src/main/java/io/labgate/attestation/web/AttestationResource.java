package io.labgate.attestation.web;

import io.labgate.attestation.AttestationService;
import io.labgate.attestation.AttestationStatus;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/attestations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Destruction attestations",
        description = "When a grant ends its AI company certifies that it destroyed its copies; an operator decides")
@SecurityRequirement(name = "SecurityScheme")
public class AttestationResource {

    @Inject
    AttestationService service;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY})
    @Operation(
            operationId = "listAttestations",
            summary = "List destruction attestations",
            description = "Operators and auditors: all; AI companies: their own. One per ended grant, due "
                    + "attestationDays of the grant's policy after its end. Filter by status, overdue now, "
                    + "organization and grant; sorted by due time unless asked otherwise.")
    public PageResponse<AttestationResponse> list(
            @QueryParam("status") AttestationStatus status,
            @Parameter(description = "true: only those overdue now (DUE or REJECTED, due time passed); false: the rest")
                    @QueryParam("overdue")
                    Boolean overdue,
            @QueryParam("organizationId") UUID organizationId,
            @QueryParam("grantId") UUID grantId,
            @Valid @BeanParam PageQuery page) {
        return service.list(status, overdue, organizationId, grantId, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY})
    @Operation(
            operationId = "getAttestation",
            summary = "Read a destruction attestation",
            description = "As the list: another company's attestation is 404. The ETag is the version to send in "
                    + "If-Match when submitting or deciding.")
    @APIResponseSchema(value = AttestationResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response get(@PathParam("id") UUID id) {
        return withTag(service.get(id));
    }

    @POST
    @Path("{id}/submission")
    @RolesAllowed(Roles.AI_COMPANY)
    @Operation(
            operationId = "submitAttestation",
            summary = "Attest the destruction of a grant's data",
            description = "AI companies only, for their own organization's attestation (another's is 404): who "
                    + "destroyed which copies, when (not in the future, not before the grant started, else 422) and "
                    + "how, with a statement. DUE or REJECTED → SUBMITTED, else 409; needs If-Match. A late "
                    + "submission is accepted and lifts the hold on new access requests.")
    @APIResponseSchema(value = AttestationResponse.class, responseCode = "200", responseDescription = "Submitted")
    @Extension(name = "x-etag", value = "true")
    public Response submit(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SubmitAttestationRequest request) {
        return withTag(service.submit(id, ETags.expectedVersion(ifMatch), request));
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "decideAttestation",
            summary = "Accept or reject a submitted attestation",
            description = "Operators only. SUBMITTED → ACCEPTED, or REJECTED with a reason (400 without): the "
                    + "company owes it again and, once its due time has passed, its new access requests are "
                    + "refused. Else 409; needs If-Match.")
    @APIResponseSchema(value = AttestationResponse.class, responseCode = "200", responseDescription = "Decided")
    @Extension(name = "x-etag", value = "true")
    public Response decide(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AttestationDecisionRequest request) {
        return withTag(service.decide(id, ETags.expectedVersion(ifMatch), request));
    }

    private static Response withTag(AttestationResponse attestation) {
        return Response.ok(attestation).tag(ETags.of(attestation.version())).build();
    }
}
