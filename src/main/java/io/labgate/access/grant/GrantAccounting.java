package io.labgate.access.grant;

import io.labgate.access.api.ByteUsage;
import io.labgate.access.api.GrantCheck;
import io.labgate.access.api.GrantLedger;
import io.labgate.access.api.UsableGrant;
import io.labgate.platform.db.ShortStatements;
import io.labgate.policy.api.AccessMode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
    EntityManager em;

    @Inject
    ShortStatements statements;

    @Override
    @Transactional
    public Optional<UsableGrant> find(UUID grantId, UUID organizationId) {
        return grants.findByIdOptional(grantId)
                .filter(g -> g.organizationId.equals(organizationId))
                .map(GrantAccounting::usable);
    }

    @Override
    @Transactional
    public Optional<GrantCheck> check(UUID grantId, UUID organizationId, AccessMode mode) {
        return grants.findByIdOptional(grantId)
                .filter(g -> g.organizationId.equals(organizationId))
                .map(g -> {
                    UsableGrant usable = usable(g);
                    AccessMode asked = mode == null ? usable.accessModes().get(0) : mode;
                    return new GrantCheck(usable, asked, service.whyNotUsable(g, asked));
                });
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
        Object[] row = QuarkusTransaction.requiringNew()
                .call(() ->
                        (Object[]) em.createNativeQuery("SELECT bytes_used, byte_quota FROM access_grant WHERE id = ?1")
                                .setParameter(1, grantId)
                                .getSingleResult());
        return new ByteUsage(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private static UsableGrant usable(AccessGrant g) {
        return new UsableGrant(
                g.id,
                g.organizationId,
                g.datasetVersionId,
                g.policyId,
                g.accessModes.stream().map(AccessMode::valueOf).toList(),
                g.validFrom,
                g.validUntil,
                g.byteQuota);
    }
}
