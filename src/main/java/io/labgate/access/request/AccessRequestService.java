package io.labgate.access.request;

import static io.labgate.platform.text.Texts.blankToNull;

import io.labgate.access.api.ConsentNeeded;
import io.labgate.access.api.SubmissionHold;
import io.labgate.access.api.WorkflowChange;
import io.labgate.access.consent.Consent;
import io.labgate.access.consent.ConsentDecision;
import io.labgate.access.consent.ConsentRepository;
import io.labgate.access.consent.ProviderExclusion;
import io.labgate.access.grant.GrantService;
import io.labgate.access.web.AccessRequestResponse;
import io.labgate.access.web.AccessRequestResponse.ConsentView;
import io.labgate.access.web.SubmitAccessRequest;
import io.labgate.access.web.TransitionResponse;
import io.labgate.catalogue.api.Catalogue;
import io.labgate.catalogue.api.GrantableVersion;
import io.labgate.catalogue.api.NotGrantable;
import io.labgate.catalogue.api.UseCondition;
import io.labgate.organization.api.OrganizationKind;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The access workflow: submission (checked against every dataset's policy and use conditions), the providers'
 * consents, the operator's decision and the grants an approval creates. Every status change is a
 * {@link RequestTransition}. Deciders (providers consenting, operators deciding, the AI company withdrawing)
 * lock the request row and re-check its status, so two concurrent decisions never both succeed.
 *
 * <p>Who sees what: operators and auditors every request; an AI company its own organization's; a provider the
 * requests with a consent row for it. Any other request answers 404.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AccessRequestService {

    /** The actor of what LabGate does by itself (automatic refusals). */
    static final String SYSTEM = "system";

    private static final Map<String, String> SORTABLE =
            Map.of("createdAt", "createdAt", "updatedAt", "updatedAt", "status", "status", "periodFrom", "periodFrom");

    @Inject
    AccessRequestRepository requests;

    @Inject
    ConsentRepository consents;

    @Inject
    GrantService grants;

    @Inject
    Catalogue catalogue;

    @Inject
    SecurityPolicies policies;

    @Inject
    Organizations organizations;

    @Inject
    RequestedServers requestedServers;

    @Inject
    Event<WorkflowChange> changes;

    @Inject
    Event<ConsentNeeded> consentNeeded;

    /** What other features may hold an organization's submissions back by (an overdue attestation, ...). */
    @Inject
    Instance<SubmissionHold> holds;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    // --- reading ------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<AccessRequestResponse> list(RequestStatus status, PageQuery page) {
        Filter filter = new Filter();
        filter.where("status = :status", "status", status);
        filter.tenant(caller, "id in (select c.requestId from Consent c where c.providerOrgId = :own)");
        return PageResponse.of(
                requests.find(filter.query(), page.toSort(SORTABLE, "createdAt"), filter.parameters()),
                page,
                this::response);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccessRequestResponse get(UUID id) {
        return response(findVisible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransitionResponse> history(UUID id) {
        findVisible(id);
        return requests.historyOf(id).stream().map(TransitionResponse::from).toList();
    }

    // --- submission ---------------------------------------------------------------------------------------

    /**
     * Checks the request against every dataset's policy and use conditions and answers 422 with every failing
     * reason at once; then SUBMITTED → AWAITING_CONSENT (a policy wants consent) or UNDER_REVIEW. A provider
     * whose exclusion list names the AI company refuses at once, and the request is REJECTED. Before any of it, a
     * {@link SubmissionHold} of another feature may refuse the organization with its own problem (an overdue
     * destruction attestation: 409 ATTESTATION_OVERDUE).
     */
    public AccessRequestResponse submit(SubmitAccessRequest body) {
        UUID organizationId = caller.organizationId()
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "your token names no organization"));
        organizations.requireActive(organizationId, OrganizationKind.AI_COMPANY);
        holds.forEach(hold -> hold.check(organizationId));
        Instant now = now();
        Instant from = body.periodFrom().truncatedTo(ChronoUnit.MICROS);
        Instant until = body.periodUntil().truncatedTo(ChronoUnit.MICROS);
        List<Problem.Violation> violations = new ArrayList<>();
        if (!until.isAfter(from)) {
            violations.add(new Problem.Violation("periodUntil", "must be after periodFrom"));
        }
        if (!until.isAfter(now)) {
            violations.add(new Problem.Violation("periodUntil", "must be in the future"));
        }
        Set<UUID> seen = new HashSet<>();
        Map<UUID, GrantableVersion> versions = new LinkedHashMap<>();
        Map<UUID, PolicyVersion> policyOf = new HashMap<>();
        Map<UUID, Integer> askedPerPolicy = new HashMap<>();
        for (int i = 0; i < body.datasetVersionIds().size(); i++) {
            UUID versionId = body.datasetVersionIds().get(i);
            String field = "datasetVersionIds[" + i + "]";
            if (!seen.add(versionId)) {
                violations.add(new Problem.Violation(field, "version " + versionId + " is listed twice"));
                continue;
            }
            GrantableVersion version;
            try {
                version = catalogue.grantable(versionId);
            } catch (NotGrantable e) {
                // one answer for every reason: a draft, a retired version or its bucket stay unknown to the caller
                violations.add(new Problem.Violation(
                        field, "dataset version " + versionId + " does not exist or is not open for access requests"));
                continue;
            }
            versions.put(versionId, version);
            PolicyVersion policy = policyOf.computeIfAbsent(version.policyId(), policies::require);
            int asked = askedPerPolicy.merge(policy.id(), 1, Integer::sum);
            check(body, from, until, field, version, policy, asked, organizationId, violations);
        }
        requestedServers.check(body.serversOrNone(), from, until, violations);
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.UNPROCESSABLE, Problem.summary(violations), violations);
        }

        AccessRequest request = new AccessRequest();
        request.id = UUID.randomUUID();
        request.organizationId = organizationId;
        request.submittedBy = caller.subject();
        request.projectTitle = body.projectTitle().strip();
        request.purpose = body.purpose().strip();
        request.purposeCategory = body.purposeCategory();
        request.periodFrom = from;
        request.periodUntil = until;
        request.accessModes =
                body.accessModes().stream().sorted().map(Enum::name).toList();
        request.termsVersion = body.termsVersion();
        request.status = RequestStatus.SUBMITTED;
        request.createdAt = now;
        request.updatedAt = now;
        requests.persist(request);
        requestedServers.record(request.id, body.serversOrNone());
        record(request, null, RequestStatus.SUBMITTED, caller.subject(), null, now);

        List<String> exclusions = new ArrayList<>();
        Set<String> consentKeys = new HashSet<>();
        for (GrantableVersion version : versions.values()) {
            AccessRequestItem item = new AccessRequestItem();
            item.id = UUID.randomUUID();
            item.requestId = request.id;
            item.datasetVersionId = version.versionId();
            item.datasetId = version.datasetId();
            item.policyId = version.policyId();
            requests.persistItem(item);
            boolean consentRequired = policyOf.get(version.policyId()).consentRequired();
            for (UUID provider : version.providerOrgIds()) {
                // a provider's exclusion holds under every policy; consent is asked only where the policy wants it
                Optional<ProviderExclusion> exclusion = consents.exclusion(provider, organizationId);
                if (!consentRequired && exclusion.isEmpty()) {
                    continue;
                }
                if (!consentKeys.add(version.datasetId() + "/" + provider)) {
                    continue;
                }
                Consent consent = new Consent();
                consent.id = UUID.randomUUID();
                consent.requestId = request.id;
                consent.datasetId = version.datasetId();
                consent.providerOrgId = provider;
                consent.decision = ConsentDecision.PENDING;
                consent.createdAt = now;
                if (exclusion.isPresent()) {
                    consent.decision = ConsentDecision.REFUSED;
                    consent.automatic = true;
                    consent.reason = "standing exclusion: " + exclusion.get().reason;
                    consent.decidedBy = SYSTEM;
                    consent.decidedAt = now;
                    // the provider's reason stays on its consent row: every party reads the decision
                    exclusions.add("a data provider of dataset " + version.datasetCode()
                            + " does not give its data to this organization");
                }
                consents.persist(consent);
                if (consent.automatic) {
                    logConsent(request, consent);
                }
            }
        }
        if (consentKeys.isEmpty()) {
            move(request, RequestStatus.UNDER_REVIEW, caller.subject(), "no dataset's policy requires consent", now);
        } else {
            move(request, RequestStatus.AWAITING_CONSENT, caller.subject(), "provider consent required", now);
            if (!exclusions.isEmpty()) {
                conclude(
                        request,
                        RequestStatus.REJECTED,
                        SYSTEM,
                        "refused automatically: " + String.join("; ", exclusions),
                        now);
            } else {
                consentNeeded.fire(new ConsentNeeded(
                        request.id,
                        organizationId,
                        consentKeys.stream()
                                .map(key -> UUID.fromString(key.substring(key.indexOf('/') + 1)))
                                .distinct()
                                .sorted()
                                .toList(),
                        caller.subject()));
            }
        }
        requests.flush();
        return response(request);
    }

    private void check(
            SubmitAccessRequest body,
            Instant from,
            Instant until,
            String field,
            GrantableVersion version,
            PolicyVersion policy,
            int askedUnderPolicy,
            UUID organizationId,
            List<Problem.Violation> violations) {
        String dataset =
                "dataset " + version.datasetCode() + " (policy " + policy.code() + " v" + policy.versionNo() + ")";
        if (until.isAfter(from)
                && Duration.between(from, until).compareTo(Duration.ofDays(policy.maxGrantDays())) > 0) {
            violations.add(new Problem.Violation(
                    "periodUntil", dataset + " allows a period of at most " + policy.maxGrantDays() + " days"));
        }
        Set<AccessMode> notAllowed = body.accessModes().stream()
                .filter(m -> !policy.allowedModes().contains(m))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!notAllowed.isEmpty()) {
            violations.add(new Problem.Violation(
                    "accessModes", dataset + " does not allow " + notAllowed + "; it allows " + policy.allowedModes()));
        }
        if (!policy.termsVersion().equals(body.termsVersion())) {
            violations.add(new Problem.Violation(
                    "termsVersion",
                    dataset + " requires accepting terms version " + policy.termsVersion() + ", not "
                            + body.termsVersion()));
        }
        long live = grants.countLive(organizationId, policy.id());
        if (live + askedUnderPolicy > policy.maxConcurrentGrants()) {
            violations.add(new Problem.Violation(
                    field,
                    dataset + " allows at most " + policy.maxConcurrentGrants()
                            + " concurrent grants per organization; yours has " + live + " live"));
        }
        List<UseCondition> conditions = version.useConditions();
        if (body.purposeCategory() == PurposeCategory.COMMERCIAL
                && !conditions.contains(UseCondition.COMMERCIAL_USE_ALLOWED)) {
            violations.add(new Problem.Violation(
                    "purposeCategory",
                    dataset + " lacks use condition " + UseCondition.COMMERCIAL_USE_ALLOWED
                            + "; COMMERCIAL purposes are refused"));
        }
        if (conditions.contains(UseCondition.RESEARCH_ONLY) && body.purposeCategory() != PurposeCategory.RESEARCH) {
            violations.add(new Problem.Violation(
                    "purposeCategory",
                    dataset + " has use condition " + UseCondition.RESEARCH_ONLY + "; " + body.purposeCategory()
                            + " purposes are refused"));
        }
    }

    // --- the AI company -----------------------------------------------------------------------------------

    /** The AI company takes its request back before a decision; afterwards 409. */
    public AccessRequestResponse withdraw(UUID id, String reason) {
        AccessRequest request = lockVisible(id);
        if (!request.status.next().contains(RequestStatus.WITHDRAWN)) {
            throw ApiException.conflict(
                    "request " + id + " is " + request.status + "; only a request not yet decided can be withdrawn");
        }
        conclude(request, RequestStatus.WITHDRAWN, caller.subject(), blankToNull(reason), now());
        requests.flush();
        return response(request);
    }

    // --- providers ----------------------------------------------------------------------------------------

    /**
     * The caller's provider organization answers for one of its datasets. Any refusal rejects the request; the
     * last consent granted sends it to review.
     */
    public AccessRequestResponse consent(UUID id, UUID datasetId, ConsentDecision decision, String reason) {
        if (decision == ConsentDecision.REFUSED && blankToNull(reason) == null) {
            throw ApiException.invalid("reason", "a refusal needs a reason");
        }
        UUID provider = providerOrganization();
        AccessRequest request =
                requests.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("access request", id));
        Consent consent = consents.find(id, datasetId, provider)
                .orElseThrow(() -> ApiException.notFound("consent for dataset", datasetId));
        if (request.status != RequestStatus.AWAITING_CONSENT) {
            throw ApiException.conflict("request " + id + " is " + request.status
                    + "; consents are given only while it is AWAITING_CONSENT");
        }
        if (consent.decision != ConsentDecision.PENDING) {
            throw ApiException.conflict("your consent for dataset " + datasetId + " is already " + consent.decision);
        }
        Instant now = now();
        consent.decision = decision;
        consent.reason = blankToNull(reason);
        consent.decidedBy = caller.subject();
        consent.decidedAt = now;
        logConsent(request, consent);
        if (decision == ConsentDecision.REFUSED) {
            // every party reads the request's decision: who refused and why stay on the provider's consent row
            conclude(
                    request,
                    RequestStatus.REJECTED,
                    SYSTEM,
                    "a data provider refused consent for dataset " + datasetId,
                    now);
        } else if (consents.ofRequest(id).stream().allMatch(c -> c.decision == ConsentDecision.GRANTED)) {
            move(request, RequestStatus.UNDER_REVIEW, caller.subject(), "every provider consented", now);
        }
        requests.flush();
        return response(request);
    }

    /**
     * The provider takes back a consent it granted. Before the decision the request is REJECTED; after an
     * approval every grant that relies on the consent is revoked at once.
     */
    public AccessRequestResponse withdrawConsent(UUID id, UUID datasetId, String reason) {
        UUID provider = providerOrganization();
        AccessRequest request =
                requests.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("access request", id));
        Consent consent = consents.find(id, datasetId, provider)
                .orElseThrow(() -> ApiException.notFound("consent for dataset", datasetId));
        if (consent.decision != ConsentDecision.GRANTED) {
            throw ApiException.conflict("your consent for dataset " + datasetId + " is " + consent.decision
                    + "; only a GRANTED consent can be withdrawn");
        }
        Instant now = now();
        String why = "provider " + provider + " withdrew consent for dataset " + datasetId
                + (blankToNull(reason) == null ? "" : ": " + reason.strip());
        consent.decision = ConsentDecision.WITHDRAWN;
        consent.reason = blankToNull(reason);
        consent.decidedBy = caller.subject();
        consent.decidedAt = now;
        logConsent(request, consent);
        if (request.status.next().contains(RequestStatus.REJECTED)) {
            conclude(request, RequestStatus.REJECTED, caller.subject(), why, now);
        } else if (request.status == RequestStatus.APPROVED) {
            grants.revokeDependents(id, datasetId, why);
        }
        requests.flush();
        return response(request);
    }

    // --- operators ----------------------------------------------------------------------------------------

    /**
     * Approves (one ACTIVE grant per dataset version) or rejects a request UNDER_REVIEW; anything else is 409
     * naming the current status. The row lock makes concurrent decisions wait and then see the first one.
     */
    public AccessRequestResponse decideByOperator(UUID id, boolean approve, String reason) {
        AccessRequest request =
                requests.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("access request", id));
        if (request.status != RequestStatus.UNDER_REVIEW) {
            throw ApiException.conflict(
                    "request " + id + " is " + request.status + "; only a request UNDER_REVIEW can be decided");
        }
        Instant now = now();
        if (!approve) {
            if (blankToNull(reason) == null) {
                throw ApiException.invalid("reason", "a rejection needs a reason");
            }
            conclude(request, RequestStatus.REJECTED, caller.subject(), reason.strip(), now);
            requests.flush();
            return response(request);
        }
        Instant validFrom = request.periodFrom.isAfter(now) ? request.periodFrom : now;
        if (!request.periodUntil.isAfter(validFrom)) {
            throw ApiException.conflict("request " + id + " asked for a period that ended at " + request.periodUntil
                    + "; it can only be rejected");
        }
        List<AccessRequestItem> items = requests.itemsOf(id);
        for (AccessRequestItem item : items) {
            GrantableVersion version;
            try {
                version = catalogue.grantable(item.datasetVersionId);
            } catch (NotGrantable e) {
                throw ApiException.conflict("cannot approve request " + id + ": " + e.getMessage());
            }
            // an exclusion made after the submission holds as well
            for (UUID provider : version.providerOrgIds()) {
                if (consents.exclusion(provider, request.organizationId).isPresent()) {
                    throw ApiException.conflict("cannot approve request " + id + ": a data provider of dataset "
                            + version.datasetCode() + " excludes organization " + request.organizationId
                            + "; reject the request");
                }
            }
        }
        requireRoomForGrants(request, items);
        for (AccessRequestItem item : items) {
            long quota = policies.require(item.policyId).byteQuotaPerGrant();
            grants.create(
                    new GrantService.NewGrant(
                            id,
                            request.organizationId,
                            item.datasetVersionId,
                            item.datasetId,
                            item.policyId,
                            request.accessModes,
                            validFrom,
                            request.periodUntil,
                            quota),
                    "approval of request " + id);
        }
        requestedServers.book(request);
        conclude(request, RequestStatus.APPROVED, caller.subject(), blankToNull(reason), now);
        requests.flush();
        return response(request);
    }

    /**
     * The policy's limit of concurrent grants per organization, checked again at approval: submission counted only
     * the grants live then, and several requests for the same data may wait side by side. Approvals of one
     * organization under one policy queue on a transaction lock, so two at once cannot both fit into the last place.
     */
    private void requireRoomForGrants(AccessRequest request, List<AccessRequestItem> items) {
        Map<UUID, Integer> askedPerPolicy = new HashMap<>();
        items.forEach(item -> askedPerPolicy.merge(item.policyId, 1, Integer::sum));
        for (Map.Entry<UUID, Integer> asked : askedPerPolicy.entrySet()) {
            requests.lockGrantsOf(request.organizationId, asked.getKey());
            PolicyVersion policy = policies.require(asked.getKey());
            long live = grants.countLive(request.organizationId, policy.id());
            if (live + asked.getValue() > policy.maxConcurrentGrants()) {
                throw ApiException.conflict("cannot approve request " + request.id + ": policy " + policy.code()
                        + " v" + policy.versionNo() + " allows " + policy.maxConcurrentGrants()
                        + " concurrent grants per organization; organization " + request.organizationId + " has "
                        + live + " live and this request asks for " + asked.getValue() + " more");
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private void move(AccessRequest request, RequestStatus to, String actor, String reason, Instant at) {
        if (!request.status.next().contains(to)) {
            throw ApiException.conflict("request " + request.id + " is " + request.status + " and cannot become " + to);
        }
        record(request, request.status, to, actor, reason, at);
        request.status = to;
        request.updatedAt = at;
    }

    private void conclude(AccessRequest request, RequestStatus to, String actor, String reason, Instant at) {
        move(request, to, actor, reason, at);
        request.decidedBy = actor;
        request.decidedAt = at;
        request.decisionReason = reason;
    }

    private void record(
            AccessRequest request, RequestStatus from, RequestStatus to, String actor, String reason, Instant at) {
        RequestTransition transition = new RequestTransition();
        transition.id = UUID.randomUUID();
        transition.requestId = request.id;
        transition.fromStatus = from;
        transition.toStatus = to;
        transition.actor = actor;
        transition.reason = reason;
        transition.at = at;
        requests.record(transition);
        UsageAction action = switch (to) {
            case SUBMITTED -> UsageAction.REQUEST_SUBMITTED;
            case WITHDRAWN -> UsageAction.REQUEST_WITHDRAWN;
            case APPROVED, REJECTED -> UsageAction.REQUEST_DECIDED;
            // consequences of a submission or a consent, which are logged themselves
            case AWAITING_CONSENT, UNDER_REVIEW -> null;
        };
        if (action != null) {
            changes.fire(new WorkflowChange(action, request.organizationId, null, null, actor, to.name(), request.id));
        }
    }

    /** A provider's consent decision (or an automatic refusal), for the usage log. */
    private void logConsent(AccessRequest request, Consent consent) {
        changes.fire(new WorkflowChange(
                UsageAction.CONSENT_DECIDED,
                request.organizationId,
                null,
                null,
                consent.decidedBy,
                (consent.automatic ? "AUTOMATIC_" : "") + consent.decision.name(),
                request.id));
    }

    private UUID providerOrganization() {
        return caller.organizationId()
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "your token names no organization"));
    }

    private AccessRequest findVisible(UUID id) {
        return requests.findByIdOptional(id)
                .filter(this::visible)
                .orElseThrow(() -> ApiException.notFound("access request", id));
    }

    private AccessRequest lockVisible(UUID id) {
        return requests.findByIdForUpdate(id)
                .filter(this::visible)
                .orElseThrow(() -> ApiException.notFound("access request", id));
    }

    private boolean visible(AccessRequest request) {
        if (caller.seesAllTenants()) {
            return true;
        }
        Optional<UUID> own = caller.organizationId();
        if (own.isEmpty()) {
            return false;
        }
        if (caller.is(Roles.PROVIDER)) {
            return consents.hasConsentRow(request.id, own.get());
        }
        return request.organizationId.equals(own.get());
    }

    /**
     * The request as the caller may read it. Operators and auditors read everything. A provider reads its own part:
     * its consent rows and the items of its datasets, never another provider's decision or reason (providers are
     * often competitors). The AI company reads every decision, but not the private reason of a provider's standing
     * exclusion nor who at a provider decided.
     */
    private AccessRequestResponse response(AccessRequest request) {
        List<AccessRequestItem> items = requests.itemsOf(request.id);
        List<Consent> rows = consents.ofRequest(request.id);
        List<RequestedServer> servers = requestedServers.of(request.id);
        if (caller.seesAllTenants()) {
            return AccessRequestResponse.from(request, items, rows, servers, ConsentView::from);
        }
        UUID own = caller.organizationId().orElse(null);
        if (caller.is(Roles.PROVIDER)) {
            List<Consent> ownRows =
                    rows.stream().filter(c -> c.providerOrgId.equals(own)).toList();
            Set<UUID> ownDatasets = new HashSet<>();
            ownRows.forEach(c -> ownDatasets.add(c.datasetId));
            List<AccessRequestItem> ownItems = items.stream()
                    .filter(i -> ownDatasets.contains(i.datasetId))
                    .toList();
            return AccessRequestResponse.from(request, ownItems, ownRows, servers, ConsentView::from);
        }
        return AccessRequestResponse.from(request, items, rows, servers, ConsentView::asTheCompanySeesIt);
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
