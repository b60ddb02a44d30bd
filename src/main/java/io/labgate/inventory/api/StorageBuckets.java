package io.labgate.inventory.api;

import java.util.Optional;
import java.util.UUID;

/** The registered storage buckets as other features see them: in process, no tenant check. */
public interface StorageBuckets {

    /** A registered bucket by id. */
    Optional<BucketInfo> find(UUID id);

    /** A registered bucket by its name in the store. */
    Optional<BucketInfo> findByName(String name);

    /**
     * A bucket that must exist because a stored row refers to it.
     *
     * @throws io.labgate.platform.error.ApiException 404 when it does not
     */
    BucketInfo require(UUID id);
}
