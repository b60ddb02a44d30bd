package io.labgate.access.grant;

import io.labgate.access.api.GrantNotUsable;
import io.labgate.access.api.WorkflowChange;
import io.labgate.access.request.AccessRequest;
import io.labgate.access.web.GrantChangeResponse;
import io.labgate.access.web.GrantResponse;
import io.labgate.catalogue.api.DatasetVersionRetired;
import io.labgate.organization.api.OrganizationSummary;
import io.labgate.organization.api.Organizations;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.labgate.platform.paging.Filter;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Caller;
import io.labgate.platform.security.Roles;
import io.labgate.platform.time.LabTime;
import io.labgate.policy.api.AccessMode;
import io.labgate.policy.api.PolicyVersion;
import io.labgate.policy.api.SecurityPolicies;
import io.labgate.usage.api.UsageAction;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Grants: created by an approval, changed only by operators (suspend, resume, revoke, extend), by a provider
 * withdrawing consent and by the retirement of a version, each change recorded in {@link GrantChange}. Whether a
 * grant may be used right now is decided by {@link #requireUsable} from the clock, never from a batch job.
 *
 * <p>Who sees what: operators and auditors every grant; an AI company its own organization's; a provider the
 * grants on datasets it provides. Any other grant answers 404.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class GrantService {

    private static final Map<String, String> SORTABLE =
            Map.of("createdAt", "createdAt", "validFrom", "validFrom", "validUntil", "validUntil", "status", "status");

    @Inject
    GrantRepository grants;

    @Inject
    Event<WorkflowChange> changes;

    @Inject
    SecurityPolicies policies;

    @Inject
    Organizations organizations;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    // --- reading ------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<GrantResponse> list(GrantStatus status, UUID datasetVersionId, UUID requestId, PageQuery page) {
        Filter filter = new Filter();
        filter.where("status = :status", "status", status);
        filter.where("datasetVersionId = :version", "version", datasetVersionId);
        filter.where("requestId = :request", "request", requestId);
        filter.tenant(caller, "datasetId in (select d.id from Dataset d where :own member of d.providerIds)");
        Map<UUID, String> names = new HashMap<>();
        return PageResponse.of(
                grants.find(filter.query(), page.toSort(SORTABLE, "createdAt"), filter.parameters()),
                page,
                g -> response(g, names));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GrantResponse get(UUID id) {
        return response(findVisible(id), new HashMap<>());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GrantChangeResponse> history(UUID id) {
        findVisible(id);
        return grants.historyOf(id).stream().map(GrantChangeResponse::from).toList();
    }

    /**
     * For the data-access paths: the caller's grant if it may be used now in this mode. The caller's organization
     * must own it (anyone else: 404, as if it did not exist).
     *
     * @throws ApiException 404 unknown or someone else's grant; 403 not ACTIVE, outside its period, mode not
     *     granted, or the organization not ACTIVE
     */
    public GrantResponse requireUsable(UUID grantId, AccessMode mode) {
        UUID organizationId = caller.organizationId().orElseThrow(() -> ApiException.notFound("grant", grantId));
        return requireUsable(grantId, mode, organizationId);
    }

    /**
     * As {@link #requireUsable(UUID, AccessMode)}, for paths that identify the organization themselves. Runs in a
     * transaction (joining the caller's, if any) so that it reads the grant as committed, never a copy cached
     * earlier in the same request: a long download that checks again must see a revocation.
     */
    public GrantResponse requireUsable(UUID grantId, AccessMode mode, UUID organizationId) {
        return response(requireUsableGrant(grantId, mode, organizationId), new HashMap<>());
    }

    AccessGrant requireUsableGrant(UUID grantId, AccessMode mode, UUID organizationId) {
        AccessGrant grant = grants.findByIdOptional(grantId)
                .filter(g -> g.organizationId.equals(organizationId))
                .orElseThrow(() -> ApiException.notFound("grant", grantId));
        String notUsable = GrantState.of(grant).whyNotUsable(clock.instant(), mode, organizations::statusOf);
        if (notUsable != null) {
            throw forbidden(notUsable);
        }
        return grant;
    }

    /** Grants of an organization under a policy version that are still live: for maxConcurrentGrants. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countLive(UUID organizationId, UUID policyId) {
        return grants.countLive(organizationId, policyId, clock.instant());
    }

    // --- changing -----------------------------------------------------------------------------------------

    /** What an approval grants for one dataset version. */
    public record NewGrant(
            UUID requestId,
            UUID organizationId,
            UUID datasetVersionId,
            UUID datasetId,
            UUID policyId,
            List<String> accessModes,
            Instant validFrom,
            Instant validUntil,
            long byteQuota) {}

    /** Creates an ACTIVE grant for an approved request; joins the approving transaction. */
    public UUID create(NewGrant spec, String reason) {
        Instant now = now();
        AccessGrant grant = new AccessGrant();
        grant.id = UUID.randomUUID();
        grant.requestId = spec.requestId();
        grant.organizationId = spec.organizationId();
        grant.datasetVersionId = spec.datasetVersionId();
        grant.datasetId = spec.datasetId();
        grant.policyId = spec.policyId();
        grant.accessModes = List.copyOf(spec.accessModes());
        grant.validFrom = spec.validFrom();
        grant.validUntil = spec.validUntil();
        grant.status = GrantStatus.ACTIVE;
        grant.byteQuota = spec.byteQuota();
        grant.createdAt = now;
        grant.updatedAt = now;
        grants.persist(grant);
        record(grant, GrantAction.CREATED, reason, null, grant.validUntil, now);
        return grant.id;
    }

    public GrantResponse suspend(UUID id, String reason) {
        AccessGrant grant = lock(id);
        requireStatus(grant, GrantStatus.ACTIVE, "suspended");
        change(grant, GrantStatus.SUSPENDED, GrantAction.SUSPENDED, reason);
        return response(grant, new HashMap<>());
    }

    public GrantResponse resume(UUID id, String reason) {
        AccessGrant grant = lock(id);
        requireStatus(grant, GrantStatus.SUSPENDED, "resumed");
        if (!clock.instant().isBefore(grant.validUntil)) {
            throw ApiException.conflict("grant " + id + " ended at " + grant.validUntil + "; it cannot be resumed");
        }
        change(grant, GrantStatus.ACTIVE, GrantAction.RESUMED, reason);
        return response(grant, new HashMap<>());
    }

    public GrantResponse revoke(UUID id, String reason) {
        AccessGrant grant = lock(id);
        if (!grant.status.isLive()) {
            throw ApiException.conflict(
                    "grant " + id + " is " + grant.status + "; only an ACTIVE or SUSPENDED " + "grant can be revoked");
        }
        change(grant, GrantStatus.REVOKED, GrantAction.REVOKED, reason);
        return response(grant, new HashMap<>());
    }

    /** A later end, recorded as EXTENDED with the old and the new end; never beyond the policy's longest grant. */
    public GrantResponse extend(UUID id, Instant newValidUntil, String reason) {
        AccessGrant grant = lock(id);
        if (!grant.status.isLive()) {
            throw ApiException.conflict(
                    "grant " + id + " is " + grant.status + "; only an ACTIVE or SUSPENDED " + "grant can be extended");
        }
        Instant until = newValidUntil.truncatedTo(ChronoUnit.MICROS);
        if (!until.isAfter(grant.validUntil)) {
            throw unprocessable("validUntil", "must be after the current end " + grant.validUntil);
        }
        PolicyVersion policy = policies.require(grant.policyId);
        Instant longest = grant.validFrom.plus(Duration.ofDays(policy.maxGrantDays()));
        if (until.isAfter(longest)) {
            throw unprocessable(
                    "validUntil",
                    "policy " + policy.code() + " v" + policy.versionNo()
                            + " allows at most " + policy.maxGrantDays() + " days from " + grant.validFrom + " (until "
                            + longest + ")");
        }
        Instant now = now();
        Instant old = grant.validUntil;
        grant.validUntil = until;
        grant.updatedAt = now;
        record(grant, GrantAction.EXTENDED, reason, old, until, now);
        grants.flush();
        return response(grant, new HashMap<>());
    }

    /** Revokes every live grant of a request on a dataset: a provider withdrew its consent. */
    public int revokeDependents(UUID requestId, UUID datasetId, String reason) {
        List<AccessGrant> live = grants.liveOfRequestOnDatasetForUpdate(requestId, datasetId);
        live.forEach(g -> change(g, GrantStatus.REVOKED, GrantAction.REVOKED, reason));
        return live.size();
    }

    /** A retired version can no longer be read: its live grants end at once, in the retiring transaction. */
    void onVersionRetired(@Observes DatasetVersionRetired event) {
        String reason = "dataset version retired: " + event.reason();
        grants.liveOnVersionForUpdate(event.versionId())
                .forEach(g -> change(g, GrantStatus.REVOKED, GrantAction.REVOKED, reason));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private void change(AccessGrant grant, GrantStatus status, GrantAction action, String reason) {
        Instant now = now();
        grant.status = status;
        grant.statusReason = reason;
        grant.updatedAt = now;
        record(grant, action, reason, grant.validUntil, grant.validUntil, now);
        grants.flush();
    }

    private void record(
            AccessGrant grant, GrantAction action, String reason, Instant oldUntil, Instant newUntil, Instant at) {
        GrantChange change = new GrantChange();
        change.id = UUID.randomUUID();
        change.grantId = grant.id;
        change.action = action;
        change.actor = actor();
        change.reason = reason;
        change.oldValidUntil = oldUntil;
        change.newValidUntil = newUntil;
        change.at = at;
        grants.record(change);
        changes.fire(new WorkflowChange(
                UsageAction.GRANT_CHANGED,
                grant.organizationId,
                grant.id,
                grant.datasetVersionId,
                change.actor,
                action.name()));
    }

    /** Who changes a grant: the caller, or "system" when no request is being served (a job, an event). */
    private String actor() {
        return Arc.container().requestContext().isActive() ? caller.subject() : "system";
    }

    private static void requireStatus(AccessGrant grant, GrantStatus expected, String what) {
        if (grant.status != expected) {
            throw ApiException.conflict(
                    "grant " + grant.id + " is " + grant.status + "; only an " + expected + " grant can be " + what);
        }
    }

    private AccessGrant lock(UUID id) {
        return grants.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("grant", id));
    }

    AccessGrant findVisible(UUID id) {
        return grants.findByIdOptional(id).filter(this::visible).orElseThrow(() -> ApiException.notFound("grant", id));
    }

    private boolean visible(AccessGrant grant) {
        if (caller.seesAllTenants()) {
            return true;
        }
        Optional<UUID> own = caller.organizationId();
        if (own.isEmpty()) {
            return false;
        }
        if (caller.is(Roles.PROVIDER)) {
            return grants.getEntityManager()
                            .createQuery(
                                    "select count(d) from Dataset d where d.id = :dataset "
                                            + "and :own member of d.providerIds",
                                    Long.class)
                            .setParameter("dataset", grant.datasetId)
                            .setParameter("own", own.get())
                            .getSingleResult()
                    > 0;
        }
        return grant.organizationId.equals(own.get());
    }

    private GrantResponse response(AccessGrant g, Map<UUID, String> names) {
        AccessRequest request = grants.getEntityManager().find(AccessRequest.class, g.requestId);
        String name = names.computeIfAbsent(
                g.organizationId,
                id -> organizations.find(id).map(OrganizationSummary::name).orElse(null));
        return new GrantResponse(
                g.id,
                g.requestId,
                g.organizationId,
                name,
                request.projectTitle,
                request.purpose,
                request.purposeCategory,
                g.datasetId,
                g.datasetVersionId,
                g.policyId,
                g.accessModes.stream().map(AccessMode::valueOf).sorted().toList(),
                g.validFrom,
                g.validUntil,
                g.status,
                g.statusReason,
                g.byteQuota,
                g.bytesUsed,
                g.createdAt,
                g.updatedAt,
                g.version);
    }

    private static ApiException forbidden(String detail) {
        return new GrantNotUsable(detail);
    }

    private static ApiException unprocessable(String field, String message) {
        return new ApiException(
                ErrorCode.UNPROCESSABLE, field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
