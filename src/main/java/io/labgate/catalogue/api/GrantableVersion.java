package io.labgate.catalogue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the access workflow and the data paths need to know about a version that may be granted: where its objects
 * are, its terms, and when it was published (the S3 endpoint's bucket creation date).
 */
public record GrantableVersion(
        UUID versionId,
        UUID datasetId,
        String datasetCode,
        String label,
        String bucketName,
        String prefix,
        UUID policyId,
        List<UUID> providerOrgIds,
        List<UseCondition> useConditions,
        long totalBytes,
        Instant publishedAt) {}
