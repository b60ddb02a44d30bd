package io.labgate.notify;

/** What a webhook subscription can ask to be told about. */
public enum NotificationEventType {
    /** An AI company submitted an access request. */
    REQUEST_SUBMITTED,
    /** A submitted request waits for provider consent (AWAITING_CONSENT). */
    CONSENT_NEEDED,
    /** An operator (or an automatic refusal) approved or rejected a request. */
    REQUEST_DECIDED,
    /** A grant ends within {@code labgate.notify.expiring-within}; sent once per end of grant. */
    GRANT_EXPIRING,
    /** A grant was revoked. */
    GRANT_REVOKED,
    /**
     * A destruction attestation owed for an ended grant is due within {@code labgate.attestation.remind-before};
     * sent once per attestation.
     */
    ATTESTATION_DUE_SOON,
    /** A destruction attestation is past its due time and not attested; sent once per attestation. */
    ATTESTATION_OVERDUE
}
