package io.labgate.export;

import io.labgate.access.api.GrantCheck;
import io.labgate.access.api.GrantLedger;
import io.labgate.catalogue.api.Catalogue;
import io.labgate.export.api.ExportRefusal;
import io.labgate.export.web.ExportResponse;
import io.labgate.export.web.ReviewExportRequest;
import io.labgate.export.web.SubmitExportRequest;
import io.labgate.inventory.api.BucketInfo;
import io.labgate.inventory.api.BucketPurpose;
import io.labgate.inventory.api.StorageBuckets;
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
import io.labgate.policy.api.ExportTerms;
import io.labgate.policy.api.SecurityPolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The export workflow (반출 심사): an AI company asks to take out artifacts from its own SANDBOX prefix, derived from
 * its grants; they are copied into the archive and checked automatically; operators and the providers involved
 * review; an approved export is downloadable by the company for the policy's hours, then archived.
 *
 * <p>Who sees what: operators and auditors every export, a provider those that derive from its data, a company its
 * own (another's id answers 404).
 */
@ApplicationScoped
public class ExportService {

    private static final Map<String, String> SORTABLE =
            Map.of("createdAt", "createdAt", "status", "status", "submittedAt", "submittedAt");

    @Inject
    Caller caller;

    @Inject
    Organizations organizations;

    @Inject
    GrantLedger grants;

    @Inject
    Catalogue catalogue;

    @Inject
    SecurityPolicies policies;

    @Inject
    StorageBuckets buckets;

    @Inject
    SandboxIntake intake;

    @Inject
    ExportRecords records;

    @Inject
    ExportUsage usage;

    @Inject
    ExportConfig config;

    @Inject
    Clock clock;

    // --- the company ---------------------------------------------------------------------------------------

    public ExportResponse submit(SubmitExportRequest body) {
        UUID organizationId = caller.organizationId()
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "your token names no organization"));
        organizations.requireActive(organizationId, OrganizationKind.AI_COMPANY);
        List<Problem.Violation> violations = new ArrayList<>();
        String prefix = sandboxPrefix(body, organizationId, violations);
        Set<UUID> versionIds = new LinkedHashSet<>();
        Set<UUID> providerIds = new TreeSet<>();
        List<ExportTerms> terms = new ArrayList<>();
        for (int i = 0; i < body.grantIds().size(); i++) {
            UUID grantId = body.grantIds().get(i);
            GrantCheck grant = grants.check(grantId, organizationId, null).orElse(null);
            if (grant == null) {
                violations.add(new Problem.Violation(
                        "grantIds[" + i + "]", "grant " + grantId + " does not exist or is not yours"));
                continue;
            }
            versionIds.add(grant.grant().datasetVersionId());
            providerIds.addAll(catalogue.providersOf(grant.grant().datasetVersionId()));
            terms.add(policies.require(grant.grant().policyId()).exports());
        }
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.UNPROCESSABLE, Problem.summary(violations), violations);
        }
        ExportTerms strictest = StrictestTerms.of(terms);
        ExportRequest export = new ExportRequest();
        export.id = UUID.randomUUID();
        export.organizationId = organizationId;
        export.requestedBy = caller.subject();
        export.purpose = body.purpose().strip();
        export.sandboxBucket = body.sandboxBucket();
        export.sandboxPrefix = prefix;
        export.archiveBucket = archiveBucket();
        export.grantIds = List.copyOf(new LinkedHashSet<>(body.grantIds()));
        export.versionIds = List.copyOf(versionIds);
        export.providerIds = List.copyOf(providerIds);
        export.round = 1;
        export.approvalsNeeded = strictest.approvals();
        export.releaseHours = strictest.releaseHours();
        SandboxIntake.Taken taken = intake.take(export, export.round, StrictestTerms.rules(strictest));
        return view(records.create(export, taken, now()));
    }

    /** The company asks again after a reviewer asked for changes: the prefix is taken in and checked anew. */
    public ExportResponse resubmit(UUID id) {
        ExportRequest export = findVisible(id);
        if (export.status != ExportStatus.CHANGES_REQUESTED) {
            throw new ExportRefusal(
                    ExportRefusal.Code.EXPORT_NOT_IN_REVIEW,
                    "export " + id + " is " + export.status + "; only one with CHANGES_REQUESTED can be asked again");
        }
        List<ExportTerms> terms = export.grantIds.stream()
                .map(g -> grants.check(g, export.organizationId, null).orElseThrow())
                .map(g -> policies.require(g.grant().policyId()).exports())
                .toList();
        ExportTerms strictest = StrictestTerms.of(terms);
        int round = export.round + 1;
        SandboxIntake.Taken taken = intake.take(export, round, StrictestTerms.rules(strictest));
        return view(records.resubmit(id, round, taken, now()));
    }

    // --- reviewers ----------------------------------------------------------------------------------------

    public ExportResponse review(UUID id, ReviewExportRequest body) {
        ExportRequest export = findVisible(id);
        UUID own = caller.organizationId().orElse(null);
        if (export.organizationId.equals(own)) {
            throw new ExportRefusal(
                    ExportRefusal.Code.REVIEWER_CONFLICT,
                    "you belong to the company that asks for export " + id + "; its reviewers must be independent");
        }
        ExportReview review = new ExportReview();
        review.reviewer = caller.subject();
        if (caller.is(Roles.OPERATOR)) {
            review.reviewerRole = ReviewerRole.OPERATOR;
        } else {
            // findVisible let a provider through only if the export derives from its data
            review.reviewerRole = ReviewerRole.PROVIDER;
            review.providerId = own;
        }
        review.verdict = body.verdict();
        review.reason = body.reason().strip();
        return view(records.review(id, review, now()));
    }

    // --- reading ------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ExportResponse> list(ExportStatus status, PageQuery page) {
        Filter filter = new Filter().equal("status", status);
        filter.tenant(caller, "array_contains(providerIds, :own)");
        return PageResponse.of(
                ExportRequest.find(filter.query(), page.toSort(SORTABLE, "createdAt"), filter.parameters()),
                page,
                this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExportResponse get(UUID id) {
        return view(findVisible(id));
    }

    /** A download of one artifact's copy, once allowed and logged: the bucket and key to stream, and the size. */
    public record Download(String bucket, String key, long size, String name) {}

    public Download download(UUID id, String name) {
        ExportRequest export = findVisible(id);
        ExportArtifact artifact = ExportArtifact.<ExportArtifact>find("exportId = ?1 and name = ?2", id, name)
                .firstResultOptional()
                .filter(a -> a.archiveKey != null)
                .orElseThrow(() -> ApiException.notFound("artifact of export " + id, name));
        mayDownload(export);
        usage.downloading(export, caller.subject(), artifact);
        return new Download(export.archiveBucket, artifact.archiveKey, artifact.sizeBytes, artifact.name);
    }

    /**
     * The company only within the release window of an approved export; the providers involved while it is being
     * reviewed; operators always (the copies are theirs to keep).
     */
    private void mayDownload(ExportRequest export) {
        if (caller.is(Roles.OPERATOR)) {
            return;
        }
        boolean inReview = export.status == ExportStatus.IN_REVIEW || export.status == ExportStatus.CHANGES_REQUESTED;
        if (caller.is(Roles.PROVIDER) && inReview) {
            return;
        }
        boolean released = export.status == ExportStatus.APPROVED && now().isBefore(export.releasedUntil);
        if (caller.is(Roles.AI_COMPANY) && released) {
            return;
        }
        throw new ExportRefusal(
                ExportRefusal.Code.EXPORT_NOT_RELEASED,
                "export " + export.id + " is " + export.status
                        + (export.releasedUntil == null ? "" : ", released until " + export.releasedUntil)
                        + "; its artifacts cannot be downloaded by you now");
    }

    private ExportRequest findVisible(UUID id) {
        ExportRequest export = ExportRequest.findById(id);
        if (export == null || !visible(export)) {
            throw ApiException.notFound("export", id);
        }
        return export;
    }

    private boolean visible(ExportRequest export) {
        if (caller.seesAllTenants()) {
            return true;
        }
        UUID own = caller.organizationId().orElse(null);
        if (own == null) {
            return false;
        }
        return caller.is(Roles.PROVIDER) ? export.providerIds.contains(own) : export.organizationId.equals(own);
    }

    private String sandboxPrefix(SubmitExportRequest body, UUID organizationId, List<Problem.Violation> violations) {
        BucketInfo bucket = buckets.findByName(body.sandboxBucket()).orElse(null);
        if (bucket == null || bucket.purpose() != BucketPurpose.SANDBOX) {
            violations.add(new Problem.Violation(
                    "sandboxBucket", "bucket " + body.sandboxBucket() + " is not a registered SANDBOX bucket"));
        }
        String own = organizationId + "/";
        String prefix = body.prefix().endsWith("/") ? body.prefix() : body.prefix() + "/";
        if (!prefix.startsWith(own) || prefix.contains("/../") || prefix.contains("//")) {
            violations.add(
                    new Problem.Violation("prefix", "must lie under your organization's part of the sandbox, " + own));
        }
        return prefix;
    }

    private String archiveBucket() {
        return buckets.findByName(config.archiveBucket())
                .filter(b -> b.purpose() == BucketPurpose.ARCHIVE)
                .map(BucketInfo::name)
                .orElseThrow(() -> new ExportRefusal(
                        ExportRefusal.Code.NO_ARCHIVE_BUCKET,
                        "no ARCHIVE bucket named " + config.archiveBucket() + " is registered; an operator must"
                                + " register it before exports can be asked"));
    }

    private ExportResponse view(ExportRequest export) {
        return ExportResponse.of(
                export,
                ExportArtifact.list("exportId = ?1 order by name", export.id),
                ExportFinding.list("exportId = ?1 order by position", export.id),
                ExportReview.list("exportId = ?1 order by reviewedAt", export.id));
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
