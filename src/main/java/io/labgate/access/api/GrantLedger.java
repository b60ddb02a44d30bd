package io.labgate.access.api;

import io.labgate.policy.api.AccessMode;
import java.util.Optional;
import java.util.UUID;

/**
 * The grants as the data paths (downloads, links, the S3 endpoint, access keys) use them. In process: the
 * organization is a parameter, not the caller, except for {@link #requireVisibleToCaller}.
 */
public interface GrantLedger {

    /**
     * The organization's grant and whether it may be used now in this mode, from one read of the grant and its
     * organization (the data paths' hot path): empty for an unknown grant or another organization's. Refuses by
     * its answer, never by an exception, so it may run inside the caller's transaction.
     *
     * @param mode the mode asked for; null stands for the grant's first mode (operations every mode includes)
     */
    Optional<GrantCheck> check(UUID grantId, UUID organizationId, AccessMode mode);

    /**
     * The organization's grant if it may be used now in this mode, read as committed (a long download that checks
     * again sees a revocation). The clock decides the period: no job has to run for a grant to end.
     *
     * @throws io.labgate.platform.error.ApiException 404 for an unknown grant or another organization's
     * @throws GrantNotUsable 403 when it may not be used now
     */
    UsableGrant requireUsable(UUID grantId, AccessMode mode, UUID organizationId);

    /** Refuses (404) a grant the current caller may not see under the tenant rules. */
    void requireVisibleToCaller(UUID grantId);

    /**
     * Reserves bytes on the grant's quota in one conditional update (committed at once), so that concurrent
     * transfers never take more than the quota together.
     *
     * @return false, reserving nothing, when they do not fit
     */
    boolean tryReserveBytes(UUID grantId, long bytes);

    /** Gives back reserved bytes that were not sent (committed at once). */
    void releaseBytes(UUID grantId, long bytes);

    /** The grant's bytes used and quota, as committed. */
    ByteUsage byteUsage(UUID grantId);
}
