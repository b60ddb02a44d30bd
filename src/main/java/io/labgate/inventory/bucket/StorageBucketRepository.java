package io.labgate.inventory.bucket;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StorageBucketRepository implements PanacheRepositoryBase<StorageBucket, UUID> {

    /**
     * Key of the PostgreSQL advisory lock that one reconciliation tick holds, so that of several LabGate
     * replicas sharing the database only one reconciles at a time. The bytes spell "lgbucket".
     */
    static final long RECONCILE_LOCK_KEY = 0x6C67_6275_636B_6574L;

    public Optional<StorageBucket> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** The bucket, locked against concurrent writers until the current transaction ends. */
    public Optional<StorageBucket> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every bucket, by name: what a reconciliation tick walks through. */
    public List<StorageBucket> listAllByName() {
        return listAll(Sort.by("name"));
    }

    /**
     * Tries to take the reconciliation lock for the current transaction; it is released when the transaction
     * ends. False when another transaction (on any replica) holds it.
     */
    public boolean tryReconcileLock() {
        Object locked = getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RECONCILE_LOCK_KEY)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
