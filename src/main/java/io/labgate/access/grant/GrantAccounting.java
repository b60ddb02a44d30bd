package io.labgate.access.grant;

import io.labgate.access.api.ByteUsage;
import io.labgate.access.api.GrantCheck;
import io.labgate.access.api.GrantLedger;
import io.labgate.access.api.UsableGrant;
import io.labgate.organization.api.Organizations;
import io.labgate.platform.cache.ChangeFeed;
import io.labgate.platform.cache.WatchedCache;
import io.labgate.platform.db.ShortStatements;
import io.labgate.policy.api.AccessMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@link GrantLedger}: usability by {@link GrantService}, byte accounting on {@code access_grant}. */
@ApplicationScoped
class GrantAccounting implements GrantLedger {

    @Inject
    GrantRepository grants;

    @Inject
    GrantService service;

    @Inject
    ShortStatements statements;

    @Inject
    Organizations organizations;

    @Inject
    Clock clock;

    @Inject
    ChangeFeed changes;

    /** Grants as the data path reads them, forgotten on every replica when one changes (see ChangeFeed). */
    private WatchedCache<GrantState> states;

    @PostConstruct
    void init() {
        states = changes.watch("access_grant", 100_000);
    }

    @Override
    public Optional<GrantCheck> check(UUID grantId, UUID organizationId, AccessMode mode) {
        // the data path's hot read: from memory, or one statement, no session, no transaction
        GrantState state = states.get(grantId.toString(), id -> read(grantId));
        if (state == null || !state.organizationId().equals(organizationId)) {
            return Optional.empty();
        }
        UsableGrant usable = usable(state);
        AccessMode asked = mode == null ? usable.accessModes().get(0) : mode;
        // the period is judged by the clock now, whenever the state was read
        return Optional.of(
                new GrantCheck(usable, asked, state.whyNotUsable(clock.instant(), asked, organizations::statusOf)));
    }

    private GrantState read(UUID grantId) {
        return statements.queryOne(
                "SELECT id, organization_id, dataset_version_id, policy_id, status, status_reason, valid_from, "
                        + "valid_until, access_modes, byte_quota FROM access_grant WHERE id = ?1",
                rs -> new GrantState(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        GrantStatus.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(),
                        rs.getObject(8, OffsetDateTime.class).toInstant(),
                        List.of((String[]) rs.getArray(9).getArray()),
                        rs.getLong(10)),
                grantId);
    }

    @Override
    @Transactional
    public UsableGrant requireUsable(UUID grantId, AccessMode mode, UUID organizationId) {
        return usable(service.requireUsableGrant(grantId, mode, organizationId));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireVisibleToCaller(UUID grantId) {
        service.findVisible(grantId);
    }

    @Override
    public boolean tryReserveBytes(UUID grantId, long bytes) {
        return statements.update(
                        "UPDATE access_grant SET bytes_used = bytes_used + ?1 WHERE id = ?2 "
                                + "AND bytes_used + ?1 <= byte_quota",
                        bytes,
                        grantId)
                > 0;
    }

    @Override
    public void releaseBytes(UUID grantId, long bytes) {
        statements.update("UPDATE access_grant SET bytes_used = bytes_used - ?1 WHERE id = ?2", bytes, grantId);
    }

    @Override
    public ByteUsage byteUsage(UUID grantId) {
        return statements.queryOne(
                "SELECT bytes_used, byte_quota FROM access_grant WHERE id = ?1",
                rs -> new ByteUsage(rs.getLong(1), rs.getLong(2)),
                grantId);
    }

    private static UsableGrant usable(AccessGrant g) {
        return usable(GrantState.of(g));
    }

    private static UsableGrant usable(GrantState g) {
        return new UsableGrant(
                g.id(),
                g.organizationId(),
                g.datasetVersionId(),
                g.policyId(),
                g.accessModes().stream().map(AccessMode::valueOf).toList(),
                g.validFrom(),
                g.validUntil(),
                g.byteQuota());
    }
}
