package io.labgate.policy;

import io.labgate.platform.error.ApiException;
import io.labgate.policy.api.AccessMode;
import io.labgate.policy.api.PolicyVersion;
import io.labgate.policy.api.SecurityPolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The in-process view of the security policies that other features use ({@link SecurityPolicies}). */
@ApplicationScoped
class PolicyDirectory implements SecurityPolicies {

    @Inject
    SecurityPolicyRepository policies;

    @Inject
    SecurityPolicyService service;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PolicyVersion> find(UUID id) {
        return policies.findByIdOptional(id).map(PolicyDirectory::version);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyVersion require(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("security policy version", id));
    }

    @Override
    public PolicyVersion lockForUse(UUID id) {
        service.lockForUse(id);
        return require(id);
    }

    static PolicyVersion version(SecurityPolicy p) {
        return new PolicyVersion(
                p.id,
                p.code,
                p.versionNo,
                p.maxGrantDays,
                p.maxLinkSeconds,
                p.allowedModes.stream().map(AccessMode::valueOf).toList(),
                List.copyOf(p.allowedNetworks),
                p.consentRequired,
                p.termsVersion,
                p.maxConcurrentGrants,
                p.byteQuotaPerGrant,
                p.exportTerms());
    }
}
