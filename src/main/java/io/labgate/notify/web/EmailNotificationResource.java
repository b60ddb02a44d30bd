package io.labgate.notify.web;

import io.labgate.notify.EmailNotificationService;
import io.labgate.notify.NotificationEventType;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/notifications/emails")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Email notifications",
        description = "Mails of workflow events to the organizations concerned, " + "sent from a durable outbox")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
public class EmailNotificationResource {

    @Inject
    EmailNotificationService service;

    @GET
    @Operation(
            operationId = "listEmailNotifications",
            summary = "Queued and sent notification mails",
            description = "Operators and auditors. Every mail "
                    + "with its recipient, subject, attempts, last error, next attempt and state PENDING/DELIVERED/DEAD. "
                    + "Mails are retried with backoff like webhook deliveries; a DEAD mail is not tried again.")
    public PageResponse<EmailResponse> list(
            @Parameter(description = "PENDING, DELIVERED or DEAD") @QueryParam("state") String state,
            @QueryParam("eventType") NotificationEventType eventType,
            @Parameter(description = "Mails to this organization's contact") @QueryParam("organizationId")
                    UUID organizationId,
            @Parameter(description = "Mails to this address (case-insensitive)") @QueryParam("recipient")
                    String recipient,
            @Valid @BeanParam PageQuery page) {
        return service.list(state, eventType, organizationId, recipient, page);
    }
}
