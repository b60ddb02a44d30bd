package io.labgate.access.grant;

import io.labgate.organization.api.OrganizationStatus;
import io.labgate.policy.api.AccessMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** What decides whether a grant may be used now: read from the entity, or from one row on the data path. */
record GrantState(
        UUID id,
        UUID organizationId,
        UUID datasetVersionId,
        UUID policyId,
        GrantStatus status,
        String statusReason,
        Instant validFrom,
        Instant validUntil,
        List<String> accessModes,
        long byteQuota) {

    /**
     * Why the grant may not be used at {@code now} in this mode, or null when it may: its status, its period, the
     * mode and its organization's status (looked up last, only when the rest allows). Throws nothing, so a
     * caller's transaction stays usable.
     */
    String whyNotUsable(Instant now, AccessMode mode, Function<UUID, Optional<OrganizationStatus>> organizationStatus) {
        if (status != GrantStatus.ACTIVE) {
            return "grant " + id + " is " + status + (statusReason == null ? "" : " (" + statusReason + ")");
        }
        if (now.isBefore(validFrom)) {
            return "grant " + id + " is valid from " + validFrom + ", not yet";
        }
        if (!now.isBefore(validUntil)) {
            return "grant " + id + " ended at " + validUntil;
        }
        if (!accessModes.contains(mode.name())) {
            return "grant " + id + " does not allow " + mode + "; it allows " + accessModes;
        }
        // a suspended organization's tokens may live a few minutes more; its grants stop at once
        return organizationStatus
                .apply(organizationId)
                .filter(s -> s != OrganizationStatus.ACTIVE)
                .map(s -> "organization " + organizationId + " is " + s)
                .orElse(null);
    }

    static GrantState of(AccessGrant g) {
        return new GrantState(
                g.id,
                g.organizationId,
                g.datasetVersionId,
                g.policyId,
                g.status,
                g.statusReason,
                g.validFrom,
                g.validUntil,
                g.accessModes,
                g.byteQuota);
    }
}
