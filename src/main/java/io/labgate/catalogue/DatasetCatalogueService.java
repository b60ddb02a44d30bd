package io.labgate.catalogue;

import io.labgate.catalogue.api.Catalogue;
import io.labgate.catalogue.api.DatasetVersionRetired;
import io.labgate.catalogue.api.GrantableVersion;
import io.labgate.catalogue.api.NotGrantable;
import io.labgate.catalogue.api.UseCondition;
import io.labgate.catalogue.web.AttestationRequest;
import io.labgate.catalogue.web.DatasetObjectResponse;
import io.labgate.catalogue.web.DatasetRequest;
import io.labgate.catalogue.web.DatasetResponse;
import io.labgate.catalogue.web.DatasetVersionRequest;
import io.labgate.catalogue.web.DatasetVersionResponse;
import io.labgate.inventory.api.BucketInfo;
import io.labgate.inventory.api.BucketPurpose;
import io.labgate.inventory.api.StorageBuckets;
import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.OrganizationSummary;
import io.labgate.organization.api.Organizations;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.DatabaseConstraints;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.Filter;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Caller;
import io.labgate.platform.security.Roles;
import io.labgate.platform.time.LabTime;
import io.labgate.policy.api.SecurityPolicies;
import io.labgate.reference.api.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dataset catalogue: datasets, their versions and what may be granted.
 *
 * <p>Who sees what: operators and auditors see everything; the providers of a dataset see it and all its
 * versions; anyone else (AI companies, other providers) sees only datasets with a PUBLISHED version, and of those
 * only the PUBLISHED versions. Anything hidden answers 404, as if it did not exist.
 *
 * <p>A version can only be built from a PROCESSED bucket (RAW data is never grantable; SANDBOX and ARCHIVE hold
 * no catalogue data). Building a manifest talks to the object store outside any transaction: see
 * {@link ManifestBuilder}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DatasetCatalogueService implements Catalogue {

    /** Dates of attestations are the lab's calendar days. */
    private static final Map<String, String> SORTABLE_DATASETS =
            Map.of("code", "code", "title", "title", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private static final Map<String, String> SORTABLE_VERSIONS =
            Map.of("createdAt", "createdAt", "label", "label", "status", "status", "publishedAt", "publishedAt");

    @Inject
    DatasetRepository datasets;

    @Inject
    DatasetVersionRepository versions;

    @Inject
    DatasetObjectRepository objects;

    @Inject
    StorageBuckets buckets;

    @Inject
    ReferenceData references;

    @Inject
    Organizations organizations;

    @Inject
    SecurityPolicies policies;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Event<DatasetVersionRetired> retired;

    // --- datasets -----------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<DatasetResponse> list(
            String industry, String aiTechnology, UUID provider, String q, PageQuery page) {
        Filter filter = new Filter()
                .where("industryCode = :industry", "industry", trimmedOrNull(industry))
                .where("aiTechnologyCode = :technology", "technology", trimmedOrNull(aiTechnology))
                .where(":provider member of providerIds", "provider", provider)
                .containsInAny(q, "code", "title", "description");
        if (!caller.seesAllTenants()) {
            String published = "id in (select v.datasetId from DatasetVersion v where v.status = :published)";
            filter.bind("published", DatasetVersionStatus.PUBLISHED);
            Optional<UUID> own = ownProviderOrganization();
            if (own.isPresent()) {
                filter.clause("(" + published + " or :own member of providerIds)")
                        .bind("own", own.get());
            } else {
                filter.clause(published);
            }
        }
        return PageResponse.of(
                datasets.find(filter.query(), page.toSort(SORTABLE_DATASETS, "code"), filter.parameters()),
                page,
                DatasetResponse::from);
    }

    private static String trimmedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DatasetResponse get(UUID id) {
        return DatasetResponse.from(findVisible(id));
    }

    public DatasetResponse create(DatasetRequest request) {
        Set<UUID> providers = checkReferences(request);
        if (datasets.findByCode(request.code()).isPresent()) {
            throw duplicateCode(request.code());
        }
        Dataset dataset = new Dataset();
        dataset.id = UUID.randomUUID();
        dataset.code = request.code();
        dataset.industryCode = request.industryCode();
        dataset.aiTechnologyCode = request.aiTechnologyCode();
        apply(dataset, request, providers);
        dataset.createdAt = now();
        dataset.updatedAt = dataset.createdAt;
        try {
            datasets.persistAndFlush(dataset);
        } catch (PersistenceException e) {
            if (DatabaseConstraints.violated(e, "dataset_code_key")) {
                throw duplicateCode(request.code());
            }
            throw e;
        }
        return DatasetResponse.from(dataset);
    }

    /**
     * Changes title, description, use conditions, providers and policy. A dataset with a published version
     * uses its (new) policy version from now on, so that version is locked at once.
     */
    public DatasetResponse update(UUID id, long expectedVersion, DatasetRequest request) {
        Dataset dataset = find(id);
        ETags.requireVersion(dataset.version, expectedVersion);
        immutable("code", dataset.code, request.code());
        immutable("industryCode", dataset.industryCode, request.industryCode());
        immutable("aiTechnologyCode", dataset.aiTechnologyCode, request.aiTechnologyCode());
        Set<UUID> providers = checkReferences(request);
        apply(dataset, request, providers);
        dataset.updatedAt = now();
        if (versions.hasVersionWithStatus(id, EnumSet.of(DatasetVersionStatus.PUBLISHED))) {
            policies.lockForUse(dataset.securityPolicyId);
        }
        datasets.flush();
        return DatasetResponse.from(dataset);
    }

    // --- versions -----------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<DatasetVersionResponse> listVersions(UUID datasetId, PageQuery page) {
        Dataset dataset = findVisible(datasetId);
        Set<DatasetVersionStatus> statuses = seesDrafts(dataset)
                ? EnumSet.allOf(DatasetVersionStatus.class)
                : EnumSet.of(DatasetVersionStatus.PUBLISHED);
        Map<UUID, String> bucketNames = new HashMap<>();
        return PageResponse.of(
                versions.ofDatasetWithStatus(datasetId, statuses, page.toSort(SORTABLE_VERSIONS, "createdAt")),
                page,
                v -> DatasetVersionResponse.from(v, bucketNames.computeIfAbsent(v.bucketId, this::bucketName)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DatasetVersionResponse getVersion(UUID datasetId, UUID versionId) {
        return response(findVisibleVersion(datasetId, versionId));
    }

    /** The manifest of a version the caller may see, by key, optionally only keys starting with a prefix. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<DatasetObjectResponse> listObjects(
            UUID datasetId, UUID versionId, String keyPrefix, PageQuery page) {
        DatasetVersion version = findVisibleVersion(datasetId, versionId);
        if (page.sort != null && !page.sort.isBlank()) {
            throw ApiException.invalid("sort", "manifest objects are always listed by key");
        }
        return PageResponse.of(objects.ofVersion(version.id, keyPrefix), page, DatasetObjectResponse::from);
    }

    /** A new DRAFT version under a prefix of a registered PROCESSED bucket. */
    public DatasetVersionResponse createVersion(UUID datasetId, DatasetVersionRequest request) {
        find(datasetId);
        BucketInfo bucket = processedBucket(request.bucketId());
        if (versions.findByLabel(datasetId, request.label()).isPresent()) {
            throw duplicateLabel(request.label());
        }
        // a prefix inside or around another version's would put that version's objects (maybe another dataset's,
        // maybe another provider's) into this one's manifest, and a grant on this one would reach them
        versions.overlapping(bucket.id(), request.prefix()).ifPresent(other -> {
            throw ApiException.conflict("prefix " + request.prefix() + " overlaps prefix " + other.prefix
                    + " of version " + other.id + " in bucket " + bucket.name()
                    + "; versions in one bucket need prefixes that neither contains the other");
        });
        DatasetVersion version = new DatasetVersion();
        version.id = UUID.randomUUID();
        version.datasetId = datasetId;
        version.label = request.label();
        version.bucketId = bucket.id();
        version.prefix = request.prefix();
        version.status = DatasetVersionStatus.DRAFT;
        version.createdAt = now();
        try {
            versions.persistAndFlush(version);
        } catch (PersistenceException e) {
            if (DatabaseConstraints.violated(e, "dataset_version_label_key")) {
                throw duplicateLabel(request.label());
            }
            throw e;
        }
        return DatasetVersionResponse.from(version, bucket.name());
    }

    /** Records (or replaces) the de-identification attestation of a DRAFT version. */
    public DatasetVersionResponse attest(
            UUID datasetId, UUID versionId, long expectedVersion, AttestationRequest request) {
        DatasetVersion version = lockVersion(datasetId, versionId);
        ETags.requireVersion(version.version, expectedVersion);
        requireDraft(version, "its attestation");
        if (request.verifiedOn().isAfter(LocalDate.now(clock.withZone(LabTime.ZONE)))) {
            throw ApiException.invalid("verifiedOn", "must not be in the future");
        }
        version.deidMethod = request.method();
        version.deidVerifier = request.verifier().strip();
        version.deidVerifiedOn = request.verifiedOn();
        version.deidNote = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        version.deidVerified = request.verified();
        versions.flush();
        return response(version);
    }

    /**
     * DRAFT → PUBLISHED. Refused (409) with every reason at once unless the manifest is built and lists objects,
     * the attestation is verified and the bucket is still PROCESSED. Locks the dataset's policy version.
     */
    public DatasetVersionResponse publish(UUID datasetId, UUID versionId, OptionalLong expectedVersion) {
        DatasetVersion version = lockVersion(datasetId, versionId);
        expectedVersion.ifPresent(v -> ETags.requireVersion(version.version, v));
        if (version.status != DatasetVersionStatus.DRAFT) {
            throw ApiException.conflict("dataset version " + version.label + " is already " + version.status);
        }
        BucketInfo bucket = bucket(version.bucketId);
        List<Problem.Violation> reasons = new ArrayList<>();
        if (version.manifestBuiltAt == null) {
            reasons.add(new Problem.Violation("manifest", "has not been built; POST .../manifest first"));
        } else if (version.objectCount == 0) {
            reasons.add(new Problem.Violation(
                    "manifest", "lists no objects; the prefix " + version.prefix + " was empty when it was built"));
        }
        if (version.deidMethod == null) {
            reasons.add(new Problem.Violation("attestation", "has not been recorded"));
        } else if (!version.deidVerified) {
            reasons.add(new Problem.Violation("attestation", "is not verified"));
        }
        if (bucket.purpose() != BucketPurpose.PROCESSED) {
            reasons.add(new Problem.Violation(
                    "bucketId",
                    "bucket " + bucket.name() + " is now " + bucket.purpose()
                            + "; only PROCESSED buckets hold publishable data"));
        }
        if (!reasons.isEmpty()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "dataset version " + version.label + " cannot be published: "
                            + reasons.stream()
                                    .map(r -> r.field() + " " + r.message())
                                    .collect(Collectors.joining("; ")),
                    reasons);
        }
        policies.lockForUse(find(datasetId).securityPolicyId);
        version.status = DatasetVersionStatus.PUBLISHED;
        version.publishedAt = now();
        versions.flush();
        return DatasetVersionResponse.from(version, bucket.name());
    }

    /** PUBLISHED → RETIRED, then fires {@link DatasetVersionRetired}; anything else is 409. */
    public DatasetVersionResponse retire(UUID datasetId, UUID versionId, OptionalLong expectedVersion, String reason) {
        DatasetVersion version = lockVersion(datasetId, versionId);
        expectedVersion.ifPresent(v -> ETags.requireVersion(version.version, v));
        if (version.status != DatasetVersionStatus.PUBLISHED) {
            throw ApiException.conflict("dataset version " + version.label + " is " + version.status
                    + "; only a PUBLISHED version can be retired");
        }
        version.status = DatasetVersionStatus.RETIRED;
        version.retiredAt = now();
        version.retiredReason = reason.strip();
        versions.flush();
        retired.fire(new DatasetVersionRetired(version.id, version.retiredReason));
        return response(version);
    }

    // --- for other features -------------------------------------------------------------------------------

    /**
     * For the access workflow: the version as it may be granted. No tenant check (the workflow decides).
     *
     * @throws ApiException 422 unless the version exists, is PUBLISHED, has a verified attestation and lies in a
     *     PROCESSED bucket (RAW buckets are never grantable)
     */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public GrantableVersion grantable(UUID versionId) {
        DatasetVersion version = versions.findByIdOptional(versionId)
                .orElseThrow(() -> new NotGrantable("dataset version " + versionId + " does not exist"));
        if (version.status != DatasetVersionStatus.PUBLISHED) {
            throw new NotGrantable("dataset version " + versionId + " is " + version.status
                    + "; only PUBLISHED versions can be granted");
        }
        if (version.deidMethod == null || !version.deidVerified) {
            throw new NotGrantable("dataset version " + versionId + " has no verified de-identification attestation");
        }
        BucketInfo bucket = bucket(version.bucketId);
        if (bucket.purpose() == BucketPurpose.RAW) {
            throw new NotGrantable("RAW buckets are never grantable (bucket " + bucket.name() + ")");
        }
        if (bucket.purpose() != BucketPurpose.PROCESSED) {
            throw new NotGrantable(
                    "bucket " + bucket.name() + " is " + bucket.purpose() + "; only PROCESSED buckets are grantable");
        }
        Dataset dataset = find(version.datasetId);
        return new GrantableVersion(
                version.id,
                dataset.id,
                dataset.code,
                version.label,
                bucket.name(),
                version.prefix,
                dataset.securityPolicyId,
                dataset.providerIds.stream().sorted().toList(),
                dataset.useConditions.stream().map(UseCondition::valueOf).toList(),
                version.totalBytes,
                version.publishedAt != null ? version.publishedAt : version.createdAt);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> providersOf(UUID versionId) {
        return versions.findByIdOptional(versionId)
                .flatMap(version -> datasets.findByIdOptional(version.datasetId))
                .map(dataset -> dataset.providerIds.stream().sorted().toList())
                .orElse(List.of());
    }

    // --- used by ManifestBuilder, each in a transaction of its own ----------------------------------------

    /** Where the objects of a DRAFT version are: bucket name and prefix. */
    ManifestSource manifestSource(UUID datasetId, UUID versionId) {
        DatasetVersion version = findVersion(datasetId, versionId);
        requireDraft(version, "its manifest");
        return new ManifestSource(bucket(version.bucketId).name(), version.prefix);
    }

    /** Stores a measured manifest and its sampled rows, if the version is still the same DRAFT. */
    DatasetVersionResponse storeManifest(
            UUID datasetId,
            UUID versionId,
            ManifestSource source,
            List<DatasetObjectRepository.ManifestEntry> entries,
            Set<String> sampledRows,
            Instant builtAt) {
        DatasetVersion version = lockVersion(datasetId, versionId);
        requireDraft(version, "its manifest");
        objects.replaceManifest(version.id, entries);
        objects.replaceRowSample(version.id, sampledRows);
        version.objectCount = entries.size();
        version.totalBytes = entries.stream()
                .mapToLong(DatasetObjectRepository.ManifestEntry::sizeBytes)
                .sum();
        version.manifestBuiltAt = builtAt;
        versions.flush();
        return DatasetVersionResponse.from(version, source.bucketName());
    }

    /** A version's objects: a bucket and a prefix in it. */
    record ManifestSource(String bucketName, String prefix) {}

    // --- helpers ------------------------------------------------------------------------------------------

    private Set<UUID> checkReferences(DatasetRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!references.industryExists(request.industryCode())) {
            violations.add(new Problem.Violation("industryCode", "no industry " + request.industryCode()));
        }
        if (!references.aiTechnologyExists(request.aiTechnologyCode())) {
            violations.add(new Problem.Violation("aiTechnologyCode", "no AI technology " + request.aiTechnologyCode()));
        }
        if (policies.find(request.securityPolicyId()).isEmpty()) {
            violations.add(new Problem.Violation(
                    "securityPolicyId", "no security policy version " + request.securityPolicyId()));
        }
        Set<UUID> providers = new LinkedHashSet<>();
        for (int i = 0; i < request.providerIds().size(); i++) {
            UUID id = request.providerIds().get(i);
            Optional<OrganizationSummary> organization = organizations.find(id);
            if (organization.isEmpty()) {
                violations.add(new Problem.Violation("providerIds[" + i + "]", "no organization " + id));
            } else if (organization.get().kind() != OrganizationKind.DATA_PROVIDER) {
                violations.add(new Problem.Violation(
                        "providerIds[" + i + "]",
                        "organization " + id + " is " + organization.get().kind() + ", not DATA_PROVIDER"));
            } else {
                providers.add(id);
            }
        }
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.UNPROCESSABLE, Problem.summary(violations), violations);
        }
        return providers;
    }

    private static void apply(Dataset dataset, DatasetRequest request, Set<UUID> providers) {
        dataset.title = request.title().strip();
        dataset.description =
                request.description() == null || request.description().isBlank()
                        ? null
                        : request.description().strip();
        dataset.securityPolicyId = request.securityPolicyId();
        EnumSet<UseCondition> conditions = EnumSet.noneOf(UseCondition.class);
        conditions.addAll(request.useConditions());
        dataset.useConditions = conditions.stream().map(Enum::name).toList();
        dataset.providerIds.retainAll(providers);
        dataset.providerIds.addAll(providers);
    }

    private static void immutable(String field, String stored, String requested) {
        if (!stored.equals(requested)) {
            throw ApiException.invalid(field, "cannot change; it must be " + stored);
        }
    }

    private BucketInfo processedBucket(UUID bucketId) {
        BucketInfo bucket = buckets.find(bucketId)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.UNPROCESSABLE,
                        "bucket " + bucketId + " is not registered",
                        List.of(new Problem.Violation("bucketId", "no registered bucket " + bucketId))));
        if (bucket.purpose() == BucketPurpose.RAW) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "RAW buckets are never grantable: bucket " + bucket.name() + " holds data before de-identification",
                    List.of(new Problem.Violation("bucketId", "RAW buckets are never grantable")));
        }
        if (bucket.purpose() != BucketPurpose.PROCESSED) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "bucket " + bucket.name() + " is " + bucket.purpose()
                            + "; dataset versions live in PROCESSED buckets only",
                    List.of(new Problem.Violation("bucketId", "must be a PROCESSED bucket")));
        }
        return bucket;
    }

    private BucketInfo bucket(UUID id) {
        return buckets.require(id);
    }

    private String bucketName(UUID id) {
        return bucket(id).name();
    }

    private DatasetVersionResponse response(DatasetVersion version) {
        return DatasetVersionResponse.from(version, bucketName(version.bucketId));
    }

    /** The caller's organization, when the caller is a provider. */
    private Optional<UUID> ownProviderOrganization() {
        return caller.is(Roles.PROVIDER) ? caller.organizationId() : Optional.empty();
    }

    private boolean seesDrafts(Dataset dataset) {
        return caller.seesAllTenants()
                || ownProviderOrganization().map(dataset.providerIds::contains).orElse(false);
    }

    private Dataset find(UUID id) {
        return datasets.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("dataset", id));
    }

    private Dataset findVisible(UUID id) {
        Dataset dataset = find(id);
        if (!seesDrafts(dataset) && !versions.hasVersionWithStatus(id, EnumSet.of(DatasetVersionStatus.PUBLISHED))) {
            throw ApiException.notFound("dataset", id);
        }
        return dataset;
    }

    private DatasetVersion findVersion(UUID datasetId, UUID versionId) {
        return versions.findByIdOptional(versionId)
                .filter(v -> v.datasetId.equals(datasetId))
                .orElseThrow(() -> ApiException.notFound("dataset version", versionId));
    }

    private DatasetVersion lockVersion(UUID datasetId, UUID versionId) {
        return versions.findByIdForUpdate(versionId)
                .filter(v -> v.datasetId.equals(datasetId))
                .orElseThrow(() -> ApiException.notFound("dataset version", versionId));
    }

    private DatasetVersion findVisibleVersion(UUID datasetId, UUID versionId) {
        Dataset dataset = findVisible(datasetId);
        DatasetVersion version = findVersion(datasetId, versionId);
        if (version.status != DatasetVersionStatus.PUBLISHED && !seesDrafts(dataset)) {
            throw ApiException.notFound("dataset version", versionId);
        }
        return version;
    }

    private static void requireDraft(DatasetVersion version, String what) {
        if (version.status != DatasetVersionStatus.DRAFT) {
            throw ApiException.conflict("dataset version " + version.label + " is " + version.status
                    + " and immutable; " + what + " can no longer change");
        }
    }

    private static ApiException duplicateCode(String code) {
        return ApiException.conflict("dataset " + code + " already exists");
    }

    private static ApiException duplicateLabel(String label) {
        return ApiException.conflict("the dataset already has a version " + label);
    }

    private static ApiException unprocessable(String detail) {
        return new ApiException(ErrorCode.UNPROCESSABLE, detail);
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
