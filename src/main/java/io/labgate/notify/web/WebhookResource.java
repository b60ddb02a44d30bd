package io.labgate.notify.web;

import io.labgate.notify.WebhookCreated;
import io.labgate.notify.WebhookService;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed HTTP notifications of workflow events, sent from a durable outbox")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.OPERATOR)
public class WebhookResource {

    @Inject
    WebhookService service;

    @POST
    @Operation(
            summary = "Subscribe a URL to events",
            description = "Operators only. Answers the signing secret "
                    + "once (Cache-Control: no-store); LabGate keeps it only encrypted and never shows it again. Each "
                    + "delivery is a POST with X-LabGate-Event, X-LabGate-Delivery (de-duplicate on it: delivery is at "
                    + "least once) and X-LabGate-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>.")
    @APIResponse(responseCode = "201", description = "The subscription and its secret, shown only now")
    public Response create(@Valid @NotNull WebhookRequest body, @Context UriInfo uri) {
        WebhookCreated created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.subscription().id().toString())
                        .build())
                .entity(created)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    @GET
    @Operation(summary = "List webhook subscriptions", description = "Never with secrets; filter by active.")
    public PageResponse<WebhookResponse> list(@QueryParam("active") Boolean active, @Valid @BeanParam PageQuery page) {
        return service.list(active, page);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a webhook subscription", description = "Never with its secret.")
    public Response get(@PathParam("id") UUID id) {
        WebhookResponse webhook = service.get(id);
        return Response.ok(webhook).tag(ETags.of(webhook.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Deactivate a webhook subscription",
            description = "Kept for its delivery history; no "
                    + "new events are queued for it and pending ones are not sent. Deactivating twice is harmless.")
    public WebhookResponse deactivate(@PathParam("id") UUID id) {
        return service.deactivate(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            summary = "Deliveries of a subscription",
            description = "Every queued event with its attempts, "
                    + "last HTTP status and error, next attempt, and state PENDING/DELIVERED/DEAD (filter by state).")
    public PageResponse<WebhookDeliveryResponse> deliveries(
            @PathParam("id") UUID id, @QueryParam("state") String state, @Valid @BeanParam PageQuery page) {
        return service.deliveries(id, state, page);
    }
}
