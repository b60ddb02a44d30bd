package io.labgate.usage.web;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Roles;
import io.labgate.usage.ChainVerification;
import io.labgate.usage.UsageService;
import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.checkpoint.Checkpoint;
import io.labgate.usage.checkpoint.CheckpointKey;
import io.labgate.usage.checkpoint.UsageCheckpoints;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage log", description = "The append-only, hash-chained log of every access, refusal and decision")
@SecurityRequirement(name = "SecurityScheme")
public class UsageResource {

    @Inject
    UsageService service;

    @Inject
    UsageCheckpoints checkpoints;

    @GET
    @Path("events")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY})
    @Operation(
            operationId = "listUsageEvents",
            summary = "List usage events",
            description =
                    "Operators and auditors see every event; an AI "
                            + "company only its own organization's. Ordered by seq (the chain's order) unless sorted by occurredAt.")
    public PageResponse<LoggedEvent> events(
            @QueryParam("from") @Parameter(description = "ISO-8601 instant: events at or after it") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant: events before it") String to,
            @QueryParam("organizationId") UUID organizationId,
            @QueryParam("action") UsageAction action,
            @QueryParam("grantId") UUID grantId,
            @Valid @BeanParam PageQuery page) {
        return service.list(instant("from", from), instant("to", to), organizationId, action, grantId, page);
    }

    @GET
    @Path("verify")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            operationId = "verifyUsageLog",
            summary = "Verify the hash chain",
            description = "Operators and auditors. Recomputes the chain of "
                    + "the events of the period (all events when no period is given) in seq order and reports the first "
                    + "event that breaks it: a changed event, or the event after a missing one.")
    public ChainVerification verify(
            @QueryParam("from") @Parameter(description = "ISO-8601 instant: events at or after it") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant: events before it") String to) {
        return service.verify(instant("from", from), instant("to", to));
    }

    @GET
    @Path("checkpoints")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listUsageCheckpoints",
            summary = "List signed checkpoints of the usage log",
            description = "Operators and auditors. Newest first. Each checkpoint is an Ed25519 signature over the "
                    + "chain's head (seq, hash, time); with the public key given here, exported events and these "
                    + "checkpoints prove the log intact without trusting the database (`java -jar quarkus-run.jar "
                    + "verify-log`). Page backwards with `beforeSeq`.")
    public CheckpointsResponse checkpoints(
            @QueryParam("beforeSeq") @Parameter(description = "only checkpoints of an earlier seq") Long beforeSeq,
            @QueryParam("size") @Parameter(description = "1 to 1000, default 100") Integer size) {
        int limit = size == null ? 100 : size;
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("size", "must be between 1 and 1000");
        }
        CheckpointKey key = checkpoints
                .key()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.SERVICE_UNAVAILABLE, "no checkpoint key is configured (labgate.usage.checkpoint.*)"));
        return new CheckpointsResponse(key.publicKeyBase64(), key.keyId(), checkpoints.list(beforeSeq, limit));
    }

    /** The checkpoints and the key that verifies them. */
    public record CheckpointsResponse(String publicKey, String keyId, List<Checkpoint> items) {}

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00Z");
        }
    }
}
