package io.labgate.catalogue.web;

import io.labgate.catalogue.Dataset;
import io.labgate.catalogue.api.UseCondition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A dataset as the API shows it; {@code version} is also the ETag. */
public record DatasetResponse(
        UUID id,
        String code,
        String title,
        String description,
        String industryCode,
        String aiTechnologyCode,
        UUID securityPolicyId,
        List<UseCondition> useConditions,
        List<UUID> providerIds,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static DatasetResponse from(Dataset d) {
        return new DatasetResponse(
                d.id,
                d.code,
                d.title,
                d.description,
                d.industryCode,
                d.aiTechnologyCode,
                d.securityPolicyId,
                d.useConditions.stream().map(UseCondition::valueOf).toList(),
                d.providerIds.stream().sorted().toList(),
                d.createdAt,
                d.updatedAt,
                d.version);
    }
}
