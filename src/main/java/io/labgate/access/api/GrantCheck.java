package io.labgate.access.api;

import io.labgate.policy.api.AccessMode;

/**
 * A grant as {@link GrantLedger#check} found it: the grant, the mode that was asked (the grant's first mode when
 * none was), and why it may not be used now, or null when it may.
 */
public record GrantCheck(UsableGrant grant, AccessMode mode, String notUsable) {

    /** Whether the grant allows the mode at all (whatever its state). */
    public boolean modeAllowed() {
        return grant.allows(mode);
    }

    public boolean usable() {
        return notUsable == null;
    }
}
