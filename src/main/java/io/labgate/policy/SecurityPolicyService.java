package io.labgate.policy;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.DatabaseConstraints;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.Filter;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Caller;
import io.labgate.platform.time.LabTime;
import io.labgate.policy.api.AccessMode;
import io.labgate.policy.api.ClientNetworks;
import io.labgate.policy.api.ExportTerms;
import io.labgate.policy.web.SecurityPolicyRequest;
import io.labgate.policy.web.SecurityPolicyResponse;
import io.labgate.policy.web.SecurityPolicyVersionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Creates and versions security policies. A version can be edited until a dataset first uses it
 * ({@link #lockForUse}); after that it is immutable (the database refuses the change too) and the way to change
 * the policy is a new version.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SecurityPolicyService {

    static final String UNIQUE_VERSION = "security_policy_code_version_key";
    static final String LOCKED_RULE = "security_policy_locked";

    private static final Map<String, String> SORTABLE_LATEST =
            Map.of("code", "code", "createdAt", "createdAt", "title", "title");
    private static final Map<String, String> SORTABLE_VERSIONS =
            Map.of("versionNo", "versionNo", "createdAt", "createdAt");

    @Inject
    SecurityPolicyRepository policies;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The newest version of every policy. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<SecurityPolicyResponse> listLatest(Boolean consentRequired, PageQuery page) {
        Filter filter = new Filter().equal("consentRequired", consentRequired);
        return PageResponse.of(
                policies.findLatestVersions(filter.query(), page.toSort(SORTABLE_LATEST, "code"), filter.parameters()),
                page,
                SecurityPolicyResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<SecurityPolicyResponse> listVersions(String code, PageQuery page) {
        if (!policies.existsCode(code)) {
            throw ApiException.notFound("security policy", code);
        }
        return PageResponse.of(
                policies.findVersionsOf(code, page.toSort(SORTABLE_VERSIONS, "versionNo")),
                page,
                SecurityPolicyResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SecurityPolicyResponse getLatest(String code) {
        return SecurityPolicyResponse.from(
                policies.findLatest(code).orElseThrow(() -> ApiException.notFound("security policy", code)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SecurityPolicyResponse getVersion(String code, int versionNo) {
        return SecurityPolicyResponse.from(find(code, versionNo));
    }

    /** One version by its id, for features that refer to a policy version (the dataset catalogue). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SecurityPolicyResponse findVersion(UUID id) {
        return SecurityPolicyResponse.from(
                policies.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("security policy version", id)));
    }

    /** Version 1 of a new policy. */
    public SecurityPolicyResponse create(SecurityPolicyRequest request) {
        Terms terms = check(request);
        if (policies.existsCode(request.code())) {
            throw ApiException.conflict("security policy " + request.code() + " already exists; change it with POST "
                    + "/api/v1/policies/" + request.code() + "/versions");
        }
        return SecurityPolicyResponse.from(insert(request.code(), 1, request, terms));
    }

    /** The next version of an existing policy: the way to change a policy whose versions are in use. */
    public SecurityPolicyResponse createNextVersion(String code, SecurityPolicyVersionRequest request) {
        SecurityPolicy latest =
                policies.findLatest(code).orElseThrow(() -> ApiException.notFound("security policy", code));
        Terms terms = check(request);
        return SecurityPolicyResponse.from(insert(code, latest.versionNo + 1, request, terms));
    }

    /** Replaces the terms of a version that no dataset uses yet. */
    public SecurityPolicyResponse update(
            String code, int versionNo, long expectedVersion, SecurityPolicyVersionRequest request) {
        SecurityPolicy policy = find(code, versionNo);
        if (policy.isLocked()) {
            throw lockedConflict(policy);
        }
        ETags.requireVersion(policy.version, expectedVersion);
        Terms terms = check(request);
        apply(policy, request, terms);
        try {
            policies.flush();
        } catch (PersistenceException e) {
            if (DatabaseConstraints.violated(e, LOCKED_RULE)) {
                // a dataset started using the version between our read and our write
                throw lockedConflict(policy);
            }
            throw e;
        }
        return SecurityPolicyResponse.from(policy);
    }

    /**
     * Marks a version as used, so that it never changes again. Idempotent: locking a locked version keeps its
     * first {@code lockedAt}. Safe under concurrency (one conditional UPDATE). Joins the caller's transaction.
     *
     * @return the version as locked
     * @throws ApiException 404 when no version has this id
     */
    public SecurityPolicyResponse lockForUse(UUID policyId) {
        int changed = policies.lockIfUnlocked(policyId, now());
        SecurityPolicy policy = policies.findByIdOptional(policyId)
                .orElseThrow(() -> ApiException.notFound("security policy version", policyId));
        if (changed > 0) {
            // the bulk update bypassed the persistence context; a copy loaded earlier would be stale
            policies.getEntityManager().refresh(policy);
        }
        return SecurityPolicyResponse.from(policy);
    }

    private SecurityPolicy insert(String code, int versionNo, PolicyTerms request, Terms terms) {
        SecurityPolicy policy = new SecurityPolicy();
        policy.id = UUID.randomUUID();
        policy.code = code;
        policy.versionNo = versionNo;
        policy.createdAt = now();
        policy.createdBy = caller.subject();
        apply(policy, request, terms);
        try {
            policies.persistAndFlush(policy);
        } catch (PersistenceException e) {
            if (DatabaseConstraints.violated(e, UNIQUE_VERSION)) {
                throw ApiException.conflict(
                        versionNo == 1
                                ? "security policy " + code + " already exists"
                                : "version " + versionNo + " of security policy " + code
                                        + " was created by someone else meanwhile; read the policy again and retry");
            }
            throw e;
        }
        return policy;
    }

    private static void apply(SecurityPolicy policy, PolicyTerms request, Terms terms) {
        policy.title = request.title().trim();
        policy.description =
                request.description() == null || request.description().isBlank()
                        ? null
                        : request.description().trim();
        policy.maxGrantDays = request.maxGrantDays();
        policy.maxLinkSeconds = request.maxLinkSeconds();
        policy.allowedModes = terms.modes().stream().map(Enum::name).toList();
        policy.allowedNetworks = terms.networks();
        policy.consentRequired = request.consentRequired();
        policy.termsVersion = request.termsVersion();
        policy.maxConcurrentGrants = request.maxConcurrentGrants();
        policy.byteQuotaPerGrant = request.byteQuotaPerGrant();
        ExportTerms exports = request.exportTerms();
        policy.exportApprovals = exports.approvals();
        policy.exportMaxFiles = exports.maxFiles();
        policy.exportMaxBytes = exports.maxBytes();
        policy.exportFileTypes = exports.fileTypes();
        policy.exportReleaseHours = exports.releaseHours();
        policy.attestationDays = exports.attestationDays();
    }

    /** The checked, normalised parts of the terms that Bean Validation cannot judge. */
    private record Terms(Set<AccessMode> modes, List<String> networks) {}

    /**
     * Checks what Bean Validation on the record cannot: null modes and every network. All problems are
     * reported together, each under its own field ({@code allowedNetworks[2]}).
     */
    private static Terms check(PolicyTerms request) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<AccessMode> modes = EnumSet.noneOf(AccessMode.class);
        for (AccessMode mode : request.allowedModes()) {
            if (mode == null) {
                violations.add(new Problem.Violation("allowedModes", "must not contain null"));
            } else {
                modes.add(mode);
            }
        }
        Set<String> networks = new LinkedHashSet<>();
        List<String> requested = request.allowedNetworks();
        for (int i = 0; i < requested.size(); i++) {
            try {
                networks.add(ClientNetworks.normalise(requested.get(i)));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("allowedNetworks[" + i + "]", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            String detail = Problem.summary(violations);
            throw new ApiException(ErrorCode.VALIDATION_FAILED, detail, violations);
        }
        if (!networks.isEmpty() && modes.contains(AccessMode.PRESIGNED_URL)) {
            // a link is fetched from the store, which knows nothing of the policy's networks: it would escape them
            Problem.Violation escape = new Problem.Violation(
                    "allowedModes",
                    "PRESIGNED_URL cannot be offered with allowedNetworks: a presigned link is fetched from the "
                            + "object store, which does not check the policy's networks");
            throw new ApiException(ErrorCode.UNPROCESSABLE, escape.message(), List.of(escape));
        }
        return new Terms(modes, List.copyOf(networks));
    }

    private SecurityPolicy find(String code, int versionNo) {
        return policies.findVersion(code, versionNo)
                .orElseThrow(() -> ApiException.notFound("security policy", code + " version " + versionNo));
    }

    private static ApiException lockedConflict(SecurityPolicy policy) {
        return ApiException.conflict("security policy " + policy.code + " version " + policy.versionNo
                + " is in use by datasets" + (policy.lockedAt == null ? "" : " since " + policy.lockedAt)
                + " and can no longer change; create a new "
                + "version with POST /api/v1/policies/" + policy.code + "/versions");
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
