package io.labgate.export.web;

import io.labgate.export.ExportService;
import io.labgate.export.ExportStatus;
import io.labgate.platform.error.Problem;
import io.labgate.platform.idempotency.Idempotency;
import io.labgate.platform.idempotency.IdempotentResult;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Roles;
import io.labgate.platform.storage.ObjectStore;
import io.smallrye.common.annotation.Blocking;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Exports",
        description = "Results and models leaving the lab: automatic checks, independent review, release")
@SecurityRequirement(name = "SecurityScheme")
public class ExportResource {

    @Inject
    ExportService service;

    @Inject
    ObjectStore store;

    @Inject
    Idempotency idempotency;

    @POST
    @Blocking
    @RolesAllowed(Roles.AI_COMPANY)
    @Operation(
            operationId = "submitExport",
            summary = "Ask to take artifacts out of the lab",
            description = "AI companies only, from their own part of a SANDBOX bucket and for their own grants. "
                    + "The objects under the prefix are copied into the archive and checked before the answer: an "
                    + "artifact that is a dataset object (also renamed, also inside an archive), a file type or size "
                    + "the policies do not allow, or an archive that cannot be opened refuses the export at once "
                    + "(REFUSED); copied dataset rows and personal identifiers are findings for the reviewers "
                    + "(IN_REVIEW). Accepts an Idempotency-Key.")
    @APIResponseSchema(value = ExportResponse.class, responseCode = "201", responseDescription = "Taken in and checked")
    public Response submit(
            @Valid @NotNull SubmitExportRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "submit-export", request, () -> {
            ExportResponse created = service.submit(request);
            return new IdempotentResult(
                    201,
                    uri.getAbsolutePathBuilder().path(created.id().toString()).build(),
                    created,
                    null);
        });
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "listExports",
            summary = "List exports",
            description = "Operators and auditors: all; AI companies: their own; providers: those that derive from "
                    + "their data. Filter by status; sort by createdAt, submittedAt or status.")
    public PageResponse<ExportResponse> list(
            @QueryParam("status") ExportStatus status, @Valid @BeanParam PageQuery page) {
        return service.list(status, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getExport",
            summary = "Read an export",
            description = "Its artifacts, what the checks found and every verdict; as the list, someone else's "
                    + "export is 404.")
    public ExportResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/reviews")
    @RolesAllowed({Roles.OPERATOR, Roles.PROVIDER})
    @Operation(
            operationId = "reviewExport",
            summary = "Approve, refuse or ask for changes",
            description = "Operators, and providers whose data the export derives from; never someone of the "
                    + "requesting company (403 REVIEWER_CONFLICT). One verdict per reviewer and round (409 "
                    + "ALREADY_REVIEWED), only IN_REVIEW (409 EXPORT_NOT_IN_REVIEW). A refusal ends the review, a "
                    + "provider's is a veto; the export is APPROVED, and downloadable for the policy's hours, once "
                    + "the policy's number of reviewers approved, an operator and every provider involved among them.")
    public ExportResponse review(@PathParam("id") UUID id, @Valid @NotNull ReviewExportRequest request) {
        return service.review(id, request);
    }

    @POST
    @Path("{id}/resubmission")
    @Blocking
    @RolesAllowed(Roles.AI_COMPANY)
    @Operation(
            operationId = "resubmitExport",
            summary = "Ask again after changes were requested",
            description = "The company's own export in CHANGES_REQUESTED: the prefix is taken in and checked anew as "
                    + "the next round, whose reviewers decide afresh.")
    public ExportResponse resubmit(@PathParam("id") UUID id) {
        return service.resubmit(id);
    }

    @GET
    @Path("{id}/artifacts/{name: .+}")
    @Blocking
    @RolesAllowed({Roles.OPERATOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            operationId = "downloadExportArtifact",
            summary = "Download an artifact of an export",
            description = "The copy that was checked and reviewed. The company: only an APPROVED export within its "
                    + "release window (403 EXPORT_NOT_RELEASED otherwise, a refused export never); the providers "
                    + "involved: while it is reviewed; operators: always. Logged with its size before the first byte.")
    @APIResponse(
            responseCode = "200",
            description = "The artifact",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id, @PathParam("name") String name) {
        ExportService.Download download = service.download(id, name);
        StreamingOutput body = out -> {
            try (InputStream in = store.open(download.bucket(), download.key())) {
                in.transferTo(out);
            }
        };
        String file = download.name().substring(download.name().lastIndexOf('/') + 1);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, download.size())
                .header("Content-Disposition", "attachment; filename=\"" + file.replace("\"", "") + "\"")
                .build();
    }
}
