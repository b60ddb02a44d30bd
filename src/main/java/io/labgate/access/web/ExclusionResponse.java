package io.labgate.access.web;

import java.time.Instant;
import java.util.UUID;

/** One entry of a provider's standing exclusion list. */
public record ExclusionResponse(
        UUID excludedOrgId, String excludedOrgName, String reason, String createdBy, Instant createdAt) {}
