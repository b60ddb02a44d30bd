package io.labgate.access.grant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<AccessGrant, UUID> {

    public Optional<AccessGrant> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Grants of an organization under a policy version that are ACTIVE or SUSPENDED and not yet ended. */
    public long countLive(UUID organizationId, UUID policyId, Instant now) {
        return count(
                "organizationId = ?1 and policyId = ?2 and status in ?3 and validUntil > ?4",
                organizationId,
                policyId,
                List.of(GrantStatus.ACTIVE, GrantStatus.SUSPENDED),
                now);
    }

    /** Live grants on a dataset version, locked. */
    public List<AccessGrant> liveOnVersionForUpdate(UUID versionId) {
        return find(
                        "datasetVersionId = ?1 and status in ?2 order by id",
                        versionId,
                        List.of(GrantStatus.ACTIVE, GrantStatus.SUSPENDED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Live grants of a request on a dataset, locked. */
    public List<AccessGrant> liveOfRequestOnDatasetForUpdate(UUID requestId, UUID datasetId) {
        return find(
                        "requestId = ?1 and datasetId = ?2 and status in ?3 order by id",
                        requestId,
                        datasetId,
                        List.of(GrantStatus.ACTIVE, GrantStatus.SUSPENDED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public List<AccessGrant> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }

    public void record(GrantChange change) {
        getEntityManager().persist(change);
    }

    public List<GrantChange> historyOf(UUID grantId) {
        return GrantChange.list("grantId = ?1 order by seq", grantId);
    }
}
