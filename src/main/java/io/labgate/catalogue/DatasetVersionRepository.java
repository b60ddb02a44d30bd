package io.labgate.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DatasetVersionRepository implements PanacheRepositoryBase<DatasetVersion, UUID> {

    /** The version, locked against concurrent writers (and manifest writes) until the transaction ends. */
    public Optional<DatasetVersion> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<DatasetVersion> findByLabel(UUID datasetId, String label) {
        return find("datasetId = ?1 and label = ?2", datasetId, label).firstResultOptional();
    }

    public PanacheQuery<DatasetVersion> ofDatasetWithStatus(
            UUID datasetId, Collection<DatasetVersionStatus> statuses, Sort sort) {
        return find("datasetId = ?1 and status in ?2", sort, datasetId, statuses);
    }

    public boolean hasVersionWithStatus(UUID datasetId, Collection<DatasetVersionStatus> statuses) {
        return count("datasetId = ?1 and status in ?2", datasetId, statuses) > 0;
    }

    /**
     * A version in the bucket whose prefix contains {@code prefix} or lies under it (equal included), if any: its
     * objects would be in both manifests. Takes a transaction lock on the bucket's prefixes first, so two versions
     * created at once in one bucket are checked one after the other.
     */
    public Optional<DatasetVersion> overlapping(UUID bucketId, String prefix) {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('dataset_version.prefix:' || ?1, 0))")
                .setParameter(1, bucketId.toString())
                .getSingleResult();
        return find(
                        "bucketId = ?1 and (substring(?2, 1, length(prefix)) = prefix "
                                + "or substring(prefix, 1, length(?2)) = ?2)",
                        bucketId,
                        prefix)
                .firstResultOptional();
    }
}
