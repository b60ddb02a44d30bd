package io.labgate.attestation;

/** How the grant an attestation is owed for ended. */
public enum GrantEndedHow {
    /** Its period ran out (the clock ended it; the expiry job may record it later). */
    EXPIRED,
    /** An operator, a provider's withdrawn consent or a retired version revoked it before its end. */
    REVOKED
}
