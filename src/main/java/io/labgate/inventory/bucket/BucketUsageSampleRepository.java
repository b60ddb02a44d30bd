package io.labgate.inventory.bucket;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class BucketUsageSampleRepository implements PanacheRepositoryBase<BucketUsageSample, UUID> {

    /** Samples of one bucket taken in [from, to) (either bound optional), newest first. */
    public PanacheQuery<BucketUsageSample> newestFirst(UUID bucketId, Instant from, Instant to) {
        StringBuilder query = new StringBuilder("bucketId = :bucket");
        Parameters parameters = Parameters.with("bucket", bucketId);
        if (from != null) {
            query.append(" and sampledAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and sampledAt < :to");
            parameters.and("to", to);
        }
        return find(query.toString(), Sort.descending("sampledAt", "id"), parameters);
    }
}
