package io.labgate.attestation.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A reminder step of an open destruction attestation that has come, fired once per attestation and step inside the
 * transaction that records it as sent (synchronous observers, such as notify's, write their outbox rows in it).
 *
 * @param attestationId the attestation, {@code /api/v1/attestations/{id}}
 * @param organizationId the AI company that owes it
 * @param grantId the grant that ended
 * @param datasetVersionId the version that grant was on
 * @param dueAt when the attestation is (or was) due
 */
public record AttestationReminder(
        UUID attestationId,
        UUID organizationId,
        UUID grantId,
        UUID datasetVersionId,
        Instant dueAt,
        ReminderStep step,
        Instant occurredAt) {}
