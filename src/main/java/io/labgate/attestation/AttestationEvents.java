package io.labgate.attestation;

import io.labgate.platform.http.RequestIds;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Writes every step of an attestation to the usage log (ATTESTATION_CHANGED) in the transaction that makes it, so
 * a step never commits without its event and no event tells of a step that was rolled back.
 */
@ApplicationScoped
class AttestationEvents {

    @Inject
    UsageLog usageLog;

    void record(UUID organizationId, UUID grantId, UUID datasetVersionId, String actor, String what) {
        usageLog.recordWithChange(UsageEventDraft.builder(UsageAction.ATTESTATION_CHANGED, UsageOutcome.SUCCESS, actor)
                .organization(organizationId)
                .grant(grantId)
                .datasetVersion(datasetVersionId)
                .reason(what)
                .requestId(RequestIds.current())
                .clientRequestId(RequestIds.currentClient())
                .build());
    }

    void record(DestructionAttestation attestation, String actor, String what) {
        record(attestation.organizationId, attestation.grantId, attestation.datasetVersionId, actor, what);
    }
}
