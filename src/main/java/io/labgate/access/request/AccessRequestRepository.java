package io.labgate.access.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccessRequestRepository implements PanacheRepositoryBase<AccessRequest, UUID> {

    /** The request with its row locked until the transaction ends: deciders serialise on it. */
    public Optional<AccessRequest> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<AccessRequestItem> itemsOf(UUID requestId) {
        return AccessRequestItem.list("requestId = ?1 order by id", requestId);
    }

    public void persistItem(AccessRequestItem item) {
        getEntityManager().persist(item);
    }

    public void record(RequestTransition transition) {
        getEntityManager().persist(transition);
    }

    public List<RequestTransition> historyOf(UUID requestId) {
        return RequestTransition.list("requestId = ?1 order by seq", requestId);
    }

    /**
     * Takes the transaction lock of an organization's grants under a policy: approvals that count and create them
     * queue here until the holder commits.
     */
    public void lockGrantsOf(UUID organizationId, UUID policyId) {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "access_grant:" + organizationId + ":" + policyId)
                .getSingleResult();
    }
}
