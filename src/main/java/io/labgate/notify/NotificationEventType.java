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
    GRANT_REVOKED
}
