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
 * Writes every workflow decision and grant change to the usage log in the transaction that makes it (the log's
 * outbox), so a change never commits without its event and an event never tells of a change that was rolled back.
 * Once the change has committed, the answer waits until the event is in the hash chain ({@link
 * UsageLog#recordWithChange}).
 */
@ApplicationScoped
public class WorkflowUsageRecorder {

    @Inject
    UsageLog usageLog;

    void onChange(@Observes(during = TransactionPhase.IN_PROGRESS) WorkflowChange change) {
        usageLog.recordWithChange(UsageEventDraft.builder(change.action(), UsageOutcome.SUCCESS, change.actor())
                .organization(change.organizationId())
                .grant(change.grantId())
                .datasetVersion(change.datasetVersionId())
                .reason(change.what())
                .requestId(RequestIds.current())
                .clientRequestId(RequestIds.currentClient())
                .build());
    }
}
