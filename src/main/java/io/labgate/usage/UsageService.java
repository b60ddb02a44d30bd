package io.labgate.usage;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.paging.Filter;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Caller;
import io.labgate.platform.security.Roles;
import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.UsageAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the usage log for the API: events by period and filters (an AI company only its own organization's),
 * and chain verification (operators and auditors).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UsageService {

    private static final Map<String, String> SORTABLE = Map.of("seq", "seq", "occurredAt", "occurredAt");

    @Inject
    UsageEventRepository events;

    @Inject
    ChainVerifier verifier;

    @Inject
    Caller caller;

    public PageResponse<LoggedEvent> list(
            Instant from, Instant to, UUID organizationId, UsageAction action, UUID grantId, PageQuery page) {
        checkPeriod(from, to);
        UUID organization = organizationId;
        if (!caller.seesAllTenants()) {
            UUID own = ownOrganization();
            if (organizationId != null && !organizationId.equals(own)) {
                // another tenant's events do not exist for this caller
                return new PageResponse<>(List.of(), page.page, page.size, 0, 0);
            }
            organization = own;
        }
        Filter filter = new Filter()
                .where("occurredAt >= :from", "from", from)
                .where("occurredAt < :to", "to", to)
                .where("organizationId = :organization", "organization", organization)
                .where("action = :action", "action", action == null ? null : action.name())
                .where("grantId = :grant", "grant", grantId);
        return PageResponse.of(
                events.find(filter.query(), page.toSort(SORTABLE, "seq"), filter.parameters()),
                page,
                UsageService::logged);
    }

    public ChainVerification verify(Instant from, Instant to) {
        checkPeriod(from, to);
        return verifier.verify(from, to);
    }

    private UUID ownOrganization() {
        if (!caller.is(Roles.AI_COMPANY)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "your role does not allow this operation");
        }
        return caller.organizationId()
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "your token names no organization"));
    }

    private static void checkPeriod(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.invalid("to", "must be after from");
        }
    }

    /** An event read back from the log, as the API shows it. */
    private static LoggedEvent logged(UsageEvent e) {
        return new LoggedEvent(
                e.id,
                e.seq,
                e.occurredAt,
                e.organizationId,
                e.subject,
                e.grantId,
                e.datasetVersionId,
                e.action,
                e.objectKey,
                e.bytes,
                e.clientAddress,
                e.outcome,
                e.reason,
                e.requestId,
                e.clientRequestId,
                e.occurrences,
                e.prevHash,
                e.hash);
    }
}
