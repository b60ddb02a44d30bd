package io.labgate.access.grant;

/** ACTIVE grants can be used (within their period); SUSPENDED can be resumed; REVOKED and EXPIRED are final. */
public enum GrantStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED;

    public boolean isLive() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
