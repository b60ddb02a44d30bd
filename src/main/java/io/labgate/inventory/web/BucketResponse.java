package io.labgate.inventory.web;

import io.labgate.inventory.api.BucketPurpose;
import io.labgate.inventory.bucket.BucketDrift;
import io.labgate.inventory.bucket.StorageBucket;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bucket as the API shows it; usage is as of {@code lastReconciledAt}. */
@Schema(name = "BucketResponse")
public record BucketResponse(
        UUID id,
        String name,
        BucketPurpose purpose,
        long quotaBytes,
        boolean versioning,
        boolean encryption,
        String description,

        @Schema(description = "Objects counted in the store at the last reconciliation (0 when MISSING)")
        long objectCount,

        @Schema(description = "Bytes counted in the store at the last reconciliation (0 when MISSING)")
        long usedBytes,

        Instant lastReconciledAt,

        @Schema(
                description = "NONE, MISSING (gone from the store), OVER_QUOTA (usedBytes > quotaBytes), or "
                        + "UNKNOWN before the first reconciliation")
        BucketDrift drift,

        Instant createdAt,

        @Schema(description = "When an operator last changed the bucket's settings")
        Instant updatedAt,

        @Schema(description = "Changes with every update and every reconciliation; also the ETag")
        long version) {

    public static BucketResponse from(StorageBucket b) {
        return new BucketResponse(
                b.id,
                b.name,
                b.purpose,
                b.quotaBytes,
                b.versioning,
                b.encryption,
                b.description,
                b.objectCount,
                b.usedBytes,
                b.lastReconciledAt,
                b.drift,
                b.createdAt,
                b.updatedAt,
                b.version);
    }
}
