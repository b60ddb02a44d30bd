package io.labgate.inventory.bucket;

import io.labgate.inventory.api.BucketInfo;
import io.labgate.inventory.api.StorageBuckets;
import io.labgate.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The in-process view of the buckets that other features use ({@link StorageBuckets}). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class BucketDirectory implements StorageBuckets {

    @Inject
    StorageBucketRepository buckets;

    @Override
    public Optional<BucketInfo> find(UUID id) {
        return buckets.findByIdOptional(id).map(b -> new BucketInfo(b.id, b.name, b.purpose));
    }

    @Override
    public Optional<BucketInfo> findByName(String name) {
        return buckets.findByName(name).map(b -> new BucketInfo(b.id, b.name, b.purpose));
    }

    @Override
    public BucketInfo require(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("storage bucket", id));
    }
}
