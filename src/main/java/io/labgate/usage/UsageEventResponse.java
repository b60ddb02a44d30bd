package io.labgate.usage;

import java.time.Instant;
import java.util.UUID;

/** A usage event as the API shows it, with its place in the chain. */
public record UsageEventResponse(
        UUID id,
        long seq,
        Instant occurredAt,
        UUID organizationId,
        String subject,
        UUID grantId,
        UUID datasetVersionId,
        String action,
        String objectKey,
        Long bytes,
        String clientAddress,
        String outcome,
        String reason,
        String requestId,
        String prevHash,
        String hash) {

    static UsageEventResponse from(UsageEvent e) {
        return new UsageEventResponse(e.id, e.seq, e.occurredAt, e.organizationId, e.subject, e.grantId,
                e.datasetVersionId, e.action, e.objectKey, e.bytes, e.clientAddress, e.outcome, e.reason,
                e.requestId, e.prevHash, e.hash);
    }
}
