package io.labgate.access.web;

import io.labgate.access.grant.GrantStatus;
import io.labgate.access.request.PurposeCategory;
import io.labgate.policy.api.AccessMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A grant as the API shows it. Providers see it too, for their datasets: which company, for which project and
 * purpose, until when.
 */
public record GrantResponse(
        UUID id,
        UUID requestId,
        UUID organizationId,
        String organizationName,
        String projectTitle,
        String purpose,
        PurposeCategory purposeCategory,
        UUID datasetId,
        UUID datasetVersionId,
        UUID policyId,
        List<AccessMode> accessModes,
        Instant validFrom,
        Instant validUntil,
        GrantStatus status,
        String statusReason,
        long byteQuota,
        long bytesUsed,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
