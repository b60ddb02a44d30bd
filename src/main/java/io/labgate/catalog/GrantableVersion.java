package io.labgate.catalog;

import java.util.List;
import java.util.UUID;

/** What the access workflow needs to know about a version it may grant: where its objects are and its terms. */
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
        long totalBytes) {}
