package io.labgate.access.api;

import io.labgate.policy.api.AccessMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A grant as the data paths need it: whose it is, what it opens, how, until when and how many bytes. */
public record UsableGrant(
        UUID id,
        UUID organizationId,
        UUID datasetVersionId,
        UUID policyId,
        List<AccessMode> accessModes,
        Instant validFrom,
        Instant validUntil,
        long byteQuota) {

    public boolean allows(AccessMode mode) {
        return accessModes.contains(mode);
    }
}
