package io.labgate.demo;

import io.labgate.catalogue.DatasetCatalogueService;
import io.labgate.catalogue.DatasetRepository;
import io.labgate.catalogue.DeidentificationMethod;
import io.labgate.catalogue.ManifestBuilder;
import io.labgate.catalogue.api.UseCondition;
import io.labgate.catalogue.web.AttestationRequest;
import io.labgate.catalogue.web.DatasetRequest;
import io.labgate.catalogue.web.DatasetResponse;
import io.labgate.catalogue.web.DatasetVersionRequest;
import io.labgate.catalogue.web.DatasetVersionResponse;
import io.labgate.inventory.api.BucketPurpose;
import io.labgate.inventory.bucket.RegistrationMode;
import io.labgate.inventory.bucket.StorageBucketRepository;
import io.labgate.inventory.bucket.StorageBucketService;
import io.labgate.inventory.server.LabServerRepository;
import io.labgate.inventory.server.LabServerService;
import io.labgate.inventory.server.ServerKind;
import io.labgate.inventory.web.BucketRequest;
import io.labgate.inventory.web.LabServerRequest;
import io.labgate.organization.OrganizationService;
import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.web.OrganizationRequest;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.storage.ObjectStore;
import io.labgate.policy.SecurityPolicyRepository;
import io.labgate.policy.SecurityPolicyService;
import io.labgate.policy.api.AccessMode;
import io.labgate.policy.web.SecurityPolicyRequest;
import io.labgate.reference.AiTechnologyService;
import io.labgate.reference.IndustryService;
import io.labgate.reference.web.ReferenceEntryRequest;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Loads the demo lab once, on the first start of the embedded default: the organizations of the demo realm's
 * users (same ids as their {@code org_id} claims), two industries × five AI technologies, servers, policies,
 * buckets, and two published dataset versions whose objects are uploaded to the real store.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    public static final UUID OPERATOR_ORG = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    public static final UUID ALPHA_AI = UUID.fromString("a1000000-0000-4000-8000-000000000001");
    public static final UUID BETA_AI = UUID.fromString("a2000000-0000-4000-8000-000000000002");
    public static final UUID JEJU_FARM = UUID.fromString("b1000000-0000-4000-8000-000000000001");
    public static final UUID OCEAN_BIO = UUID.fromString("b2000000-0000-4000-8000-000000000002");

    static final String PROCESSED_BUCKET = "labgate-processed";

    @Inject
    DemoConfig config;

    @Inject
    OrganizationService organizations;

    @Inject
    IndustryService industries;

    @Inject
    AiTechnologyService aiTechnologies;

    @Inject
    LabServerService servers;

    @Inject
    SecurityPolicyService policies;

    @Inject
    LabServerRepository serverRepository;

    @Inject
    SecurityPolicyRepository policyRepository;

    @Inject
    ObjectStore store;

    @Inject
    StorageBucketService buckets;

    @Inject
    StorageBucketRepository bucketRepository;

    @Inject
    DatasetCatalogueService catalogue;

    @Inject
    DatasetRepository datasetRepository;

    @Inject
    ManifestBuilder manifests;

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            load();
        }
    }

    /** Loads what is missing; every step is find-or-create, so a second call (or a restart) changes nothing. */
    @ActivateRequestContext
    public void load() {
        LOG.info("loading demo data (what is missing of it)");
        loadObjects();
        loadBuckets();
        loadRecords();
        loadDatasets();
        LOG.info("demo data loaded");
    }

    @Transactional
    void loadRecords() {
        loadOrganizations();
        loadReferenceData();
        loadServers();
        loadPolicies();
    }

    private void loadOrganizations() {
        organization(OPERATOR_ORG, OrganizationKind.OPERATOR, "LabGate 실증랩 운영팀", "2208162517", "ops");
        organization(ALPHA_AI, OrganizationKind.AI_COMPANY, "Alpha Vision AI", "1058702435", "alpha");
        organization(BETA_AI, OrganizationKind.AI_COMPANY, "Beta Robotics AI", "1234500003", "beta");
        organization(JEJU_FARM, OrganizationKind.DATA_PROVIDER, "제주 스마트팜 영농조합", "2118800006", "jeju");
        organization(OCEAN_BIO, OrganizationKind.DATA_PROVIDER, "Ocean Bio Aquaculture", "6168100008", "ocean");
    }

    private void organization(UUID id, OrganizationKind kind, String name, String brn, String mailbox) {
        if (organizations.find(id).isPresent()) {
            return;
        }
        organizations.createWithId(
                id, new OrganizationRequest(kind, name, brn, mailbox + "@labgate.example", "Demo contact"));
        organizations.activate(id, java.util.OptionalLong.empty(), "demo data");
    }

    private void loadReferenceData() {
        for (ReferenceEntryRequest industry : List.of(
                new ReferenceEntryRequest(
                        "SMART_FARM",
                        "Smart farming",
                        "스마트팜",
                        "Greenhouse sensor, crop image and yield data from regional farms"),
                new ReferenceEntryRequest(
                        "AQUACULTURE", "Aquaculture", "양식업", "Fish-farm water quality, sound and feeding data"))) {
            if (industries.find(industry.code()).isEmpty()) {
                industries.create(industry);
            }
        }
        for (String[] t : List.of(
                new String[] {"VISION", "Image recognition", "영상 인식"},
                new String[] {"SPEECH", "Sound and speech recognition", "음성·음향 인식"},
                new String[] {"NLP", "Natural language processing", "자연어 처리"},
                new String[] {"FORECAST", "Time-series forecasting", "시계열 예측"},
                new String[] {"ANOMALY", "Anomaly detection", "이상 탐지"})) {
            if (aiTechnologies.find(t[0]).isEmpty()) {
                aiTechnologies.create(new ReferenceEntryRequest(t[0], t[1], t[2], null));
            }
        }
    }

    private void loadServers() {
        server(new LabServerRequest(
                "gpu-01.lab.internal",
                "LAB-GPU-0001",
                ServerKind.GPU,
                64,
                512,
                "NVIDIA A100 80GB",
                8,
                80,
                "Server room 1, rack A1",
                "lab-secure",
                null));
        server(new LabServerRequest(
                "gpu-02.lab.internal",
                "LAB-GPU-0002",
                ServerKind.GPU,
                64,
                512,
                "NVIDIA A100 80GB",
                8,
                80,
                "Server room 1, rack A2",
                "lab-secure",
                null));
        server(new LabServerRequest(
                "gpu-03.lab.internal",
                "LAB-GPU-0003",
                ServerKind.GPU,
                32,
                256,
                "NVIDIA L40S",
                4,
                48,
                "Server room 1, rack B1",
                "lab-sandbox",
                null));
        server(new LabServerRequest(
                "cpu-01.lab.internal",
                "LAB-CPU-0001",
                ServerKind.CPU,
                96,
                768,
                null,
                0,
                0,
                "Server room 1, rack C1",
                "lab-sandbox",
                null));
    }

    private void server(LabServerRequest request) {
        if (serverRepository.findByHostname(request.hostname()).isEmpty()) {
            servers.create(request);
        }
    }

    private void policy(SecurityPolicyRequest request) {
        if (policyRepository.findVersion(request.code(), 1).isEmpty()) {
            policies.create(request);
        }
    }

    private void loadPolicies() {
        policy(new SecurityPolicyRequest(
                "standard-deid",
                "Standard de-identified data",
                "Provider consent required; data stays on lab networks",
                90,
                900,
                // no presigned links: they are fetched from the store, outside the policy's networks
                Set.of(AccessMode.STREAM, AccessMode.S3_ENDPOINT),
                List.of("10.0.0.0/8", "127.0.0.0/8", "::1/128"),
                true,
                "2026-1",
                3,
                1L << 40,
                null));
        policy(new SecurityPolicyRequest(
                "sandbox-open",
                "Sandbox data for model trials",
                "No consent round; streamed downloads and presigned links from any network",
                30,
                300,
                Set.of(AccessMode.STREAM, AccessMode.PRESIGNED_URL),
                List.of(),
                false,
                "2026-1",
                5,
                10L << 30,
                null));
    }

    /** Two published dataset versions whose objects are the ones uploaded above. */
    private void loadDatasets() {
        UUID bucket = bucketRepository.findByName(PROCESSED_BUCKET).orElseThrow().id;
        UUID standard = policyRepository.findVersion("standard-deid", 1).orElseThrow().id;
        UUID sandbox = policyRepository.findVersion("sandbox-open", 1).orElseThrow().id;
        dataset(
                new DatasetRequest(
                        "jeju-crop-disease-images",
                        "Crop disease images from Jeju farms",
                        "Leaf images of cabbage and tangerine with disease labels",
                        "SMART_FARM",
                        "VISION",
                        standard,
                        List.of(
                                UseCondition.NO_REIDENTIFICATION,
                                UseCondition.NO_REDISTRIBUTION,
                                UseCondition.COMMERCIAL_USE_ALLOWED),
                        List.of(JEJU_FARM)),
                bucket,
                "smart-farm/crop-disease-images/v1/",
                "Pseudonymised farm names");
        dataset(
                new DatasetRequest(
                        "fish-farm-sounds",
                        "Underwater sounds of fish farms",
                        "Hydrophone clips labelled feeding / stress / normal",
                        "AQUACULTURE",
                        "SPEECH",
                        sandbox,
                        List.of(UseCondition.NO_REIDENTIFICATION, UseCondition.RESEARCH_ONLY),
                        List.of(OCEAN_BIO)),
                bucket,
                "aquaculture/fish-sounds/v1/",
                "Site identifiers removed");
    }

    private void dataset(DatasetRequest request, UUID bucketId, String prefix, String note) {
        if (datasetRepository.findByCode(request.code()).isPresent()) {
            return;
        }
        DatasetResponse dataset = catalogue.create(request);
        DatasetVersionResponse version =
                catalogue.createVersion(dataset.id(), new DatasetVersionRequest("v1", bucketId, prefix));
        version = manifests.build(dataset.id(), version.id());
        version = catalogue.attest(
                dataset.id(),
                version.id(),
                version.version(),
                new AttestationRequest(
                        DeidentificationMethod.PSEUDONYMISATION,
                        "Demo privacy officer",
                        LocalDate.of(2026, 3, 2),
                        note,
                        true));
        catalogue.publish(dataset.id(), version.id(), OptionalLong.empty());
    }

    private void loadBuckets() {
        bucket("labgate-raw", BucketPurpose.RAW, 5L << 40, "Raw data as received from providers; never granted");
        bucket(PROCESSED_BUCKET, BucketPurpose.PROCESSED, 2L << 40, "Processed, de-identified training data");
        bucket("labgate-sandbox", BucketPurpose.SANDBOX, 500L << 30, "Scratch space for model trials");
        bucket("labgate-archive", BucketPurpose.ARCHIVE, 10L << 40, "Retired dataset versions");
    }

    private void bucket(String name, BucketPurpose purpose, long quota, String description) {
        if (buckets.list(null, null, new PageQuery(0, PageQuery.MAX_SIZE, null)).items().stream()
                .noneMatch(b -> b.name().equals(name))) {
            buckets.create(new BucketRequest(
                    name,
                    purpose,
                    quota,
                    purpose == BucketPurpose.ARCHIVE,
                    true,
                    description,
                    RegistrationMode.CREATE));
        }
    }

    private void loadObjects() {
        store.createBucket(PROCESSED_BUCKET);
        upload(DemoObjects.cropDiseaseImages("smart-farm/crop-disease-images/v1/"));
        upload(DemoObjects.fishFarmSounds("aquaculture/fish-sounds/v1/"));
    }

    private void upload(Map<String, byte[]> objects) {
        objects.forEach((key, content) -> store.put(
                PROCESSED_BUCKET,
                key,
                content,
                key.endsWith(".csv")
                        ? "text/csv"
                        : key.endsWith(".json")
                                ? "application/json"
                                : key.endsWith(".txt") ? "text/plain" : "application/octet-stream"));
    }
}
