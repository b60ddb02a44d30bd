package io.labgate.usage;

import java.time.Instant;
import java.util.UUID;

/**
 * A usage event as the log holds it: every column of {@code usage_event}. Action and outcome are the stored text,
 * so that an event written by a newer LabGate (with an action this one does not know) still verifies.
 */
public record LoggedEvent(
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

    /** An event read back from the log, as the API shows it. */
    static LoggedEvent from(UsageEvent e) {
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
                e.prevHash,
                e.hash);
    }

    /** This event chained after {@code previousHash}: its prev_hash and hash filled in. */
    LoggedEvent chainedAfter(String previousHash) {
        LoggedEvent unhashed = new LoggedEvent(
                id,
                seq,
                occurredAt,
                organizationId,
                subject,
                grantId,
                datasetVersionId,
                action,
                objectKey,
                bytes,
                clientAddress,
                outcome,
                reason,
                requestId,
                previousHash,
                null);
        return new LoggedEvent(
                id,
                seq,
                occurredAt,
                organizationId,
                subject,
                grantId,
                datasetVersionId,
                action,
                objectKey,
                bytes,
                clientAddress,
                outcome,
                reason,
                requestId,
                previousHash,
                EventDigest.hash(previousHash, unhashed));
    }
}
