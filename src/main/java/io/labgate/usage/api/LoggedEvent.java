package io.labgate.usage.api;

import io.labgate.usage.EventDigest;
import java.time.Instant;
import java.util.UUID;

/**
 * A usage event as the log holds it: every column of {@code usage_event}. Action and outcome are the stored text,
 * so that an event written by a newer LabGate (with an action this one does not know) still verifies.
 * {@code clientRequestId} is the id the client offered for the request, apart from LabGate's {@code requestId}.
 * {@code occurrences} is 1, or the number of identical events of one minute that were {@link UsageLog#tally tallied}
 * into this one.
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
        String clientRequestId,
        int occurrences,
        String prevHash,
        String hash) {

    /** This event chained after {@code previousHash}: its prev_hash and hash filled in. */
    public LoggedEvent chainedAfter(String previousHash) {
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
                clientRequestId,
                occurrences,
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
                clientRequestId,
                occurrences,
                previousHash,
                EventDigest.hash(previousHash, unhashed));
    }
}
