package io.labgate.access.consent;

/** A provider's answer for one dataset of one request. */
public enum ConsentDecision {
    PENDING,
    GRANTED,
    REFUSED,
    /** Granted once, then taken back: the grants that relied on it are revoked. */
    WITHDRAWN
}
