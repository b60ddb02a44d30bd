package io.labgate.booking.web;

import io.labgate.booking.BookingRepository;
import io.labgate.booking.BookingService;
import io.labgate.booking.GpuHoursReport;
import io.labgate.booking.QueryInstants;
import io.labgate.platform.error.Problem;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Server bookings", description = "Lab servers reserved for AI companies for time-boxed slots")
@SecurityRequirement(name = "SecurityScheme")
public class BookingResource {

    @Inject
    BookingService service;

    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY})
    @Operation(
            operationId = "listBookings",
            summary = "List bookings",
            description = "Operators and auditors see every organization's "
                    + "bookings; an AI company only its own. Filter by server, organization and a window [from, to) that "
                    + "bookings overlap; cancelled bookings only with includeCancelled=true. Sorted by startsAt (or "
                    + "endsAt, createdAt), then id.")
    public PageResponse<BookingResponse> list(
            @QueryParam("serverId") UUID serverId,
            @QueryParam("organizationId") UUID organizationId,
            @QueryParam("from") @Parameter(description = "ISO-8601 instant: bookings ending after it") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant: bookings starting before it") String to,
            @QueryParam("includeCancelled") @DefaultValue("false") boolean includeCancelled,
            @Valid @BeanParam PageQuery page) {
        return service.list(
                new BookingRepository.Criteria(
                        serverId,
                        organizationId,
                        QueryInstants.parse("from", from),
                        QueryInstants.parse("to", to),
                        includeCancelled),
                page);
    }

    @GET
    @Path("gpu-hours")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY})
    @Operation(
            operationId = "getGpuHours",
            summary = "Booked GPU-hours per organization",
            description = "For the period [from, to) (both "
                    + "required, at most 400 days): per organization, the hours of its live bookings inside the period "
                    + "times the GPU count of each booked server. Operators and auditors get every organization with "
                    + "bookings (or the one named by organizationId); an AI company only its own row.")
    @APIResponse(
            responseCode = "400",
            description = "from or to missing or invalid, or the period too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = GpuHoursReport.class, responseCode = "200", responseDescription = "OK")
    public GpuHoursReport gpuHours(
            @QueryParam("from") @Parameter(description = "ISO-8601 instant, start of the period") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant, end of the period (excluded)") String to,
            @QueryParam("organizationId") UUID organizationId) {
        return service.gpuHours(QueryInstants.parse("from", from), QueryInstants.parse("to", to), organizationId);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY})
    @Operation(
            operationId = "getBooking",
            summary = "Read a booking",
            description = "Operators and auditors read any; an AI company only "
                    + "its own organization's, and another's id answers 404.")
    @APIResponse(
            responseCode = "404",
            description = "No such booking, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = BookingResponse.class, responseCode = "200", responseDescription = "OK")
    public BookingResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "createBooking",
            summary = "Book a lab server",
            description = "Operators only: AI companies get servers through "
                    + "access requests. The organization must be an ACTIVE AI company; the server neither RETIRED nor in "
                    + "MAINTENANCE; endsAt after startsAt, in the future and at most 90 days after startsAt. The database "
                    + "refuses a period that overlaps another booking or a maintenance window of the server. Supports "
                    + "Idempotency-Key.")
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Server RETIRED or in MAINTENANCE, or the period overlaps a "
                    + "booking or maintenance window of the server",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Organization not an ACTIVE AI company, server not "
                    + "registered, or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = BookingResponse.class, responseCode = "201", responseDescription = "Booked")
    public jakarta.ws.rs.core.Response create(
            @Valid @NotNull BookingRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "create-booking", request, () -> {
            BookingResponse booking = service.book(
                    request.serverId(),
                    request.organizationId(),
                    request.startsAt(),
                    request.endsAt(),
                    request.purpose(),
                    null);
            return new IdempotentResult(
                    201,
                    uri.getAbsolutePathBuilder().path(booking.id().toString()).build(),
                    booking,
                    null);
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "cancelBooking",
            summary = "Cancel a booking",
            description = "Operators only. The booking stays readable with "
                    + "cancelledAt and frees its time. Cancelling a cancelled booking answers 409.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(
            responseCode = "404",
            description = "No such booking",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void cancel(@PathParam("id") UUID id) {
        service.cancel(id);
    }
}
