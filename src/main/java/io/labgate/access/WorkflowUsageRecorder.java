package io.labgate.access;

import io.labgate.access.api.WorkflowChange;
import io.labgate.platform.http.RequestIds;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Writes every workflow decision and grant change to the usage log after its transaction commits, so the log
 * never tells of a change that was rolled back; the observer runs before the HTTP answer leaves, and
 * {@link UsageLog#record} returns only once the event is committed.
 */
@ApplicationScoped
public class WorkflowUsageRecorder {

    @Inject
    UsageLog usageLog;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkflowChange change) {
        usageLog.record(UsageEventDraft.builder(change.action(), UsageOutcome.SUCCESS, change.actor())
                .organization(change.organizationId())
                .grant(change.grantId())
                .datasetVersion(change.datasetVersionId())
                .reason(change.what())
                .requestId(RequestIds.current())
                .build());
    }
}
