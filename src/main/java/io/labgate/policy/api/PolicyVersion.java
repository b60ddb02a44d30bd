package io.labgate.policy.api;

import java.util.List;
import java.util.UUID;

/** One version of a security policy: the rules other features apply (datasets, requests, grants, downloads). */
public record PolicyVersion(
        UUID id,
        String code,
        int versionNo,
        int maxGrantDays,
        int maxLinkSeconds,
        List<AccessMode> allowedModes,
        List<String> allowedNetworks,
        boolean consentRequired,
        String termsVersion,
        int maxConcurrentGrants,
        long byteQuotaPerGrant,
        ExportTerms exports) {}
