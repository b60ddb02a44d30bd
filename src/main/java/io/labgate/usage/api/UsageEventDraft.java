package io.labgate.usage.api;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to record, as a caller describes it. The log adds the id, the sequence number and the chain hashes.
 * Drafts are validated when built, so that a bad one fails its caller instead of the batch it would join.
 *
 * @param occurredAt when it happened; null means when {@link UsageLog#record} is called
 * @param requestId null means LabGate's id of the request being served ({@code RequestIds.current()})
 * @param clientRequestId the id the client offered for the request (X-Request-Id), kept apart from LabGate's; null
 *     means the one of the request being served, if it offered one
 * @param occurrences 1, or how many identical events this draft stands for ({@link UsageLog#tally})
 */
public record UsageEventDraft(
        Instant occurredAt,
        UUID organizationId,
        String subject,
        UUID grantId,
        UUID datasetVersionId,
        UsageAction action,
        String objectKey,
        Long bytes,
        String clientAddress,
        UsageOutcome outcome,
        String reason,
        String requestId,
        String clientRequestId,
        int occurrences) {

    public UsageEventDraft {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        if (bytes != null && bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        if (occurrences < 1) {
            throw new IllegalArgumentException("occurrences must be at least 1");
        }
        if (outcome == UsageOutcome.REFUSED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        checkLength("subject", subject, 255);
        checkLength("objectKey", objectKey, 1024);
        checkLength("clientAddress", clientAddress, 64);
        checkLength("reason", reason, 64);
        checkLength("requestId", requestId, 64);
        checkLength("clientRequestId", clientRequestId, 64);
    }

    public static Builder builder(UsageAction action, UsageOutcome outcome, String subject) {
        return new Builder(action, outcome, subject);
    }

    /** The same draft with the given time and request ids where those are missing. */
    public UsageEventDraft completedWith(Instant now, String currentRequestId, String currentClientRequestId) {
        return new UsageEventDraft(
                occurredAt == null ? now : occurredAt,
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
                requestId == null ? currentRequestId : requestId,
                clientRequestId == null ? currentClientRequestId : clientRequestId,
                occurrences);
    }

    /**
     * This draft as the key of a tally ({@link UsageLog#tally}): its time truncated to {@code minuteStart}, no
     * request id (a tally stands for many requests), one occurrence.
     */
    public UsageEventDraft asTallyKey(Instant minuteStart) {
        return new UsageEventDraft(
                minuteStart,
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
                null,
                null,
                1);
    }

    /** The same draft standing for {@code count} identical events. */
    public UsageEventDraft times(int count) {
        return new UsageEventDraft(
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
                count);
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
    }

    /** Builds a draft field by field; only action, outcome and subject are required. */
    public static final class Builder {
        private final UsageAction action;
        private final UsageOutcome outcome;
        private final String subject;
        private Instant occurredAt;
        private UUID organizationId;
        private UUID grantId;
        private UUID datasetVersionId;
        private String objectKey;
        private Long bytes;
        private String clientAddress;
        private String reason;
        private String requestId;
        private String clientRequestId;

        private Builder(UsageAction action, UsageOutcome outcome, String subject) {
            this.action = action;
            this.outcome = outcome;
            this.subject = subject;
        }

        public Builder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        public Builder organization(UUID value) {
            organizationId = value;
            return this;
        }

        public Builder grant(UUID value) {
            grantId = value;
            return this;
        }

        public Builder datasetVersion(UUID value) {
            datasetVersionId = value;
            return this;
        }

        public Builder objectKey(String value) {
            objectKey = value;
            return this;
        }

        public Builder bytes(Long value) {
            bytes = value;
            return this;
        }

        public Builder clientAddress(String value) {
            clientAddress = value;
            return this;
        }

        public Builder reason(String value) {
            reason = value;
            return this;
        }

        public Builder requestId(String value) {
            requestId = value;
            return this;
        }

        public Builder clientRequestId(String value) {
            clientRequestId = value;
            return this;
        }

        public UsageEventDraft build() {
            return new UsageEventDraft(
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
                    1);
        }
    }
}
