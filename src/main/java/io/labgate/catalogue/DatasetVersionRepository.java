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
}
