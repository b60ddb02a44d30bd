package io.labgate.inventory.web;

import io.labgate.inventory.bucket.BucketUsageSample;
import java.time.Instant;
import java.util.UUID;

/** One usage sample of a bucket. */
public record BucketUsageSampleResponse(
        UUID id, UUID bucketId, Instant sampledAt, boolean present, long objectCount, long usedBytes, long quotaBytes) {

    public static BucketUsageSampleResponse from(BucketUsageSample s) {
        return new BucketUsageSampleResponse(
                s.id, s.bucketId, s.sampledAt, s.present, s.objectCount, s.usedBytes, s.quotaBytes);
    }
}
