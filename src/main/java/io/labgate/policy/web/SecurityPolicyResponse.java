package io.labgate.policy.web;

import io.labgate.policy.SecurityPolicy;
import io.labgate.policy.api.AccessMode;
import io.labgate.policy.api.ExportTerms;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a security policy as the API shows it; {@code lockedAt} is set once a dataset uses it. */
public record SecurityPolicyResponse(
        UUID id,
        String code,
        int versionNo,
        String title,
        String description,
        int maxGrantDays,
        int maxLinkSeconds,
        List<AccessMode> allowedModes,
        List<String> allowedNetworks,
        boolean consentRequired,
        String termsVersion,
        int maxConcurrentGrants,
        long byteQuotaPerGrant,
        ExportTerms exports,
        Instant createdAt,
        String createdBy,
        Instant lockedAt,
        long version) {

    public static SecurityPolicyResponse from(SecurityPolicy p) {
        return new SecurityPolicyResponse(
                p.id,
                p.code,
                p.versionNo,
                p.title,
                p.description,
                p.maxGrantDays,
                p.maxLinkSeconds,
                p.allowedModes.stream().map(AccessMode::valueOf).toList(),
                List.copyOf(p.allowedNetworks),
                p.consentRequired,
                p.termsVersion,
                p.maxConcurrentGrants,
                p.byteQuotaPerGrant,
                p.exportTerms(),
                p.createdAt,
                p.createdBy,
                p.lockedAt,
                p.version);
    }
}
