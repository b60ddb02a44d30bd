package io.labgate.access.api;

import io.labgate.usage.api.UsageAction;
import java.util.UUID;

/**
 * A workflow decision or grant change, fired inside the transaction that makes it; it becomes a usage event
 * once that transaction has committed ({@link WorkflowUsageRecorder}).
 *
 * @param what a short code of what happened (for example {@code APPROVED}, {@code REVOKED}), at most 64 chars
 * @param requestId the access request it concerns, when it concerns one (null for grant changes)
 */
public record WorkflowChange(
        UsageAction action,
        UUID organizationId,
        UUID grantId,
        UUID datasetVersionId,
        String actor,
        String what,
        UUID requestId) {

    /** A change that names no access request. */
    public WorkflowChange(
            UsageAction action, UUID organizationId, UUID grantId, UUID datasetVersionId, String actor, String what) {
        this(action, organizationId, grantId, datasetVersionId, actor, what, null);
    }
}
