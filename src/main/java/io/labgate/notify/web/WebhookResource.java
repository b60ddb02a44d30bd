package io.labgate.notify.web;

import io.labgate.notify.WebhookCreated;
import io.labgate.notify.WebhookService;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed HTTP notifications of workflow events, sent from a durable outbox")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.OPERATOR)
public class WebhookResource {

    @Inject
    WebhookService service;

    @POST
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe a URL to events",
            description = "Operators only. Answers the signing secret "
                    + "once (Cache-Control: no-store); LabGate keeps it only encrypted and never shows it again. Each "
                    + "delivery is a POST with X-LabGate-Event, X-LabGate-Delivery (de-duplicate on it: delivery is at "
                    + "least once) and X-LabGate-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>.")
    @APIResponseSchema(
            value = WebhookCreated.class,
            responseCode = "201",
            responseDescription = "The subscription and its secret, shown only now")
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
    @Operation(
            operationId = "listWebhooks",
            summary = "List webhook subscriptions",
            description = "Never with secrets; filter by active.")
    public PageResponse<WebhookResponse> list(@QueryParam("active") Boolean active, @Valid @BeanParam PageQuery page) {
        return service.list(active, page);
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getWebhook",
            summary = "Read a webhook subscription",
            description = "Never with its secret.")
    @APIResponseSchema(value = WebhookResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = "x-etag", value = "true")
    public Response get(@PathParam("id") UUID id) {
        WebhookResponse webhook = service.get(id);
        return Response.ok(webhook).tag(ETags.of(webhook.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deactivateWebhook",
            summary = "Deactivate a webhook subscription",
            description = "Kept for its delivery history; no "
                    + "new events are queued for it and pending ones are not sent. Deactivating twice is harmless.")
    public WebhookResponse deactivate(@PathParam("id") UUID id) {
        return service.deactivate(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "Deliveries of a subscription",
            description = "Every queued event with its attempts, "
                    + "last HTTP status and error, next attempt, and state PENDING/DELIVERED/DEAD (filter by state).")
    public PageResponse<WebhookDeliveryResponse> deliveries(
            @PathParam("id") UUID id, @QueryParam("state") String state, @Valid @BeanParam PageQuery page) {
        return service.deliveries(id, state, page);
    }
}
