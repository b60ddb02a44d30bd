package io.labgate.attestation;

/**
 * Where a destruction attestation stands: DUE (owed, nothing submitted) → SUBMITTED (the company attested) →
 * ACCEPTED (final) or REJECTED (owed again: the company submits anew).
 */
public enum AttestationStatus {
    DUE,
    SUBMITTED,
    ACCEPTED,
    REJECTED;

    /** Owed by the company: nothing submitted yet, or the last submission was rejected. */
    public boolean isOpen() {
        return this == DUE || this == REJECTED;
    }
}
