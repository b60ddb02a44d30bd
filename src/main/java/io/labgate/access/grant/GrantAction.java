package io.labgate.access.grant;

/** What happened to a grant; every change is one {@link GrantChange}. */
public enum GrantAction {
    CREATED,
    SUSPENDED,
    RESUMED,
    REVOKED,
    EXTENDED,
    EXPIRED
}
