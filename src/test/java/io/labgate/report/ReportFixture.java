package io.labgate.report;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.platform.time.LabTime;
import io.labgate.testing.AccessRequestBodies;
import io.labgate.testing.BusinessRegistrationNumbers;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the report tests report on, done through the real API as people would: a fresh industry with two AI
 * technologies, two datasets (one with a Korean title, one whose title looks like a spreadsheet formula),
 * seven access requests by alice and bob answered by carol, dave and the operator (approved, rejected by the
 * operator, refused by a provider, withdrawn, left waiting), a revoked grant; a fresh server booked by a fresh
 * AI company with a maintenance window and a cancelled booking; a bucket reconciled twice. The figures the
 * report should give are worked out here from what was done and from the timestamps the API reports.
 */
final class ReportFixture {

    static final String REQUESTS = "/api/v1/access-requests";

    private static ReportFixture built;

    final String suffix = PublishedDatasets.suffix();
    final LocalDate today = LocalDate.now(LabTime.ZONE);
    /** The report period of the tests: yesterday to a week ahead (KST), so that the bookings fall in it. */
    final LocalDate from = today.minusDays(1);

    final LocalDate to = today.plusDays(7);

    // catalogue
    String industryCode;
    String industryName;
    String technologyCode;
    String technologyName;
    String otherTechnologyCode;
    String koreanDatasetId;
    String koreanDatasetCode;
    String koreanDatasetTitle;
    String formulaDatasetId;
    String formulaDatasetCode;
    String formulaDatasetTitle;

    // workflow
    final List<String> requests = new ArrayList<>();
    /** Hours from submission to decision of the decided (approved or rejected) requests covering each dataset. */
    final Map<String, List<Double>> hoursToDecision = new HashMap<>();

    final List<Double> industryHoursToDecision = new ArrayList<>();

    // bookings
    String serverId;
    String hostname;
    Instant serverCreatedAt;
    String organizationId;
    String organizationName;
    double bookedHours;
    double maintenanceHours;

    // storage
    String bucketId;
    String bucketName;

    static synchronized ReportFixture get(DemoOrganizations demo) {
        if (built == null) {
            io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
            ReportFixture fixture = new ReportFixture();
            fixture.organizations(demo);
            fixture.catalogue();
            fixture.workflow();
            fixture.bookings();
            fixture.storage();
            built = fixture;
        }
        return built;
    }

    // --- the catalogue --------------------------------------------------------------------------------------

    private void catalogue() {
        industryCode = "RPI_" + suffix.toUpperCase(Locale.ROOT);
        industryName = "스마트 양식 " + suffix;
        technologyCode = "RPT_" + suffix.toUpperCase(Locale.ROOT);
        technologyName = "영상 인식 " + suffix;
        otherTechnologyCode = "RPO_" + suffix.toUpperCase(Locale.ROOT);
        as(Tokens.OPERATOR)
                .body(Map.of("code", industryCode, "name", industryName))
                .post("/api/v1/industries")
                .then()
                .statusCode(201);
        as(Tokens.OPERATOR)
                .body(Map.of("code", technologyCode, "name", technologyName))
                .post("/api/v1/ai-technologies")
                .then()
                .statusCode(201);
        as(Tokens.OPERATOR)
                .body(Map.of("code", otherTechnologyCode, "name", "Forecasting " + suffix))
                .post("/api/v1/ai-technologies")
                .then()
                .statusCode(201);
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("maxConcurrentGrants", 20);
        String policyId = PublishedDatasets.policy(terms);

        koreanDatasetCode = "rp-kr-" + suffix;
        koreanDatasetTitle = "제주 작물 병해 이미지 " + suffix;
        koreanDatasetId = dataset(
                koreanDatasetCode,
                koreanDatasetTitle,
                technologyCode,
                policyId,
                List.of(DemoOrganizations.JEJU, DemoOrganizations.OCEAN));
        formulaDatasetCode = "rp-eq-" + suffix;
        formulaDatasetTitle = "=HYPERLINK(\"http://evil.example\",\"click\") " + suffix;
        formulaDatasetId = dataset(
                formulaDatasetCode,
                formulaDatasetTitle,
                otherTechnologyCode,
                policyId,
                List.of(DemoOrganizations.JEJU));
    }

    String koreanVersionId;
    String formulaVersionId;

    private String dataset(String code, String title, String technology, String policyId, List<UUID> providers) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", title);
        body.put("description", "Report test data");
        body.put("industryCode", industryCode);
        body.put("aiTechnologyCode", technology);
        body.put("securityPolicyId", policyId);
        body.put("useConditions", List.of("NO_REDISTRIBUTION"));
        body.put("providerIds", providers.stream().map(UUID::toString).toList());
        String id = as(Tokens.OPERATOR)
                .body(body)
                .post("/api/v1/datasets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String version = PublishedDatasets.publishedVersion(id, Map.of("d/x.bin", new byte[] {1, 2, 3}));
        if (code.startsWith("rp-kr")) {
            koreanVersionId = version;
        } else {
            formulaVersionId = version;
        }
        return id;
    }

    // --- the access workflow ----------------------------------------------------------------------------------

    String revokedGrant;

    private void organizations(DemoOrganizations demo) {
        for (UUID id : List.of(
                DemoOrganizations.ALPHA, DemoOrganizations.BETA, DemoOrganizations.JEJU, DemoOrganizations.OCEAN)) {
            demo.ensure(id);
        }
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        PublishedDatasets.active(DemoOrganizations.BETA);
    }

    private void workflow() {

        // R1 alice: both providers consent, approved
        String r1 = submit(Tokens.ALICE, koreanVersionId);
        consent(Tokens.CAROL, r1, koreanDatasetId, "GRANTED", null);
        consent(Tokens.DAVE, r1, koreanDatasetId, "GRANTED", null);
        decide(r1, true, null);
        // R2 bob: approved, then its grant revoked
        String r2 = submit(Tokens.BOB, koreanVersionId);
        consent(Tokens.CAROL, r2, koreanDatasetId, "GRANTED", null);
        consent(Tokens.DAVE, r2, koreanDatasetId, "GRANTED", null);
        decide(r2, true, null);
        revokedGrant = grantsOf(r2).get(0);
        as(Tokens.OPERATOR)
                .body(Map.of("reason", "report test: misuse"))
                .post("/api/v1/grants/" + revokedGrant + "/revoke")
                .then()
                .statusCode(200);
        // R3 alice: carol refuses, so the request is rejected
        String r3 = submit(Tokens.ALICE, koreanVersionId);
        consent(Tokens.CAROL, r3, koreanDatasetId, "REFUSED", "competitor of one of our members");
        // R4 bob: consented, rejected by the operator
        String r4 = submit(Tokens.BOB, koreanVersionId);
        consent(Tokens.CAROL, r4, koreanDatasetId, "GRANTED", null);
        consent(Tokens.DAVE, r4, koreanDatasetId, "GRANTED", null);
        decide(r4, false, "purpose too vague");
        // R5 alice: withdrawn
        String r5 = submit(Tokens.ALICE, koreanVersionId);
        as(Tokens.ALICE)
                .body(Map.of("reason", "project cancelled"))
                .post(REQUESTS + "/" + r5 + "/withdraw")
                .then()
                .statusCode(200);
        // R6 bob: left waiting for consent
        String r6 = submit(Tokens.BOB, koreanVersionId);
        // R7 alice: both datasets in one request, approved (two grants)
        String r7 = submit(Tokens.ALICE, koreanVersionId, formulaVersionId);
        consent(Tokens.CAROL, r7, koreanDatasetId, "GRANTED", null);
        consent(Tokens.DAVE, r7, koreanDatasetId, "GRANTED", null);
        consent(Tokens.CAROL, r7, formulaDatasetId, "GRANTED", null);
        decide(r7, true, null);
        requests.addAll(List.of(r1, r2, r3, r4, r5, r6, r7));

        for (String decided : List.of(r1, r2, r3, r4, r7)) {
            double hours = hoursToDecision(decided);
            hoursToDecision
                    .computeIfAbsent(koreanDatasetId, k -> new ArrayList<>())
                    .add(hours);
            industryHoursToDecision.add(hours);
            if (decided.equals(r7)) {
                hoursToDecision
                        .computeIfAbsent(formulaDatasetId, k -> new ArrayList<>())
                        .add(hours);
            }
        }
    }

    private static String submit(String user, String... versionIds) {
        return as(user).body(AccessRequestBodies.of(versionIds))
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void consent(String provider, String requestId, String datasetId, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        as(provider)
                .body(body)
                .post(REQUESTS + "/" + requestId + "/consents/" + datasetId)
                .then()
                .statusCode(200);
    }

    private static void decide(String requestId, boolean approve, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("approve", approve);
        if (reason != null) {
            body.put("reason", reason);
        }
        as(Tokens.OPERATOR)
                .body(body)
                .post(REQUESTS + "/" + requestId + "/decision")
                .then()
                .statusCode(200);
    }

    static List<String> grantsOf(String requestId) {
        return as(Tokens.OPERATOR)
                .get("/api/v1/grants?requestId=" + requestId + "&sort=createdAt")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    /** Hours from the SUBMITTED step to the APPROVED or REJECTED step, as the request's history tells them. */
    private static double hoursToDecision(String requestId) {
        JsonPath history = as(Tokens.AUDITOR)
                .get(REQUESTS + "/" + requestId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> steps = history.getList("to", String.class);
        List<String> times = history.getList("at", String.class);
        Instant submitted = Instant.parse(times.get(steps.indexOf("SUBMITTED")));
        int decision = steps.contains("APPROVED") ? steps.indexOf("APPROVED") : steps.indexOf("REJECTED");
        assertThat(decision).as("request " + requestId + " is decided").isNotNegative();
        Instant decided = Instant.parse(times.get(decision));
        return Duration.between(submitted, decided).toNanos() / 3_600_000_000_000.0;
    }

    // --- bookings ---------------------------------------------------------------------------------------------

    String cancelledBooking;
    Instant periodEnd;

    private void bookings() {
        periodEnd = to.plusDays(1).atStartOfDay(LabTime.ZONE).toInstant();
        String name = "rp-" + suffix;
        hostname = name + ".lab.internal";
        Map<String, Object> server = new HashMap<>();
        server.put("hostname", hostname);
        server.put("assetTag", "TAG-" + name.toUpperCase(Locale.ROOT));
        server.put("kind", "GPU");
        server.put("cpuCores", 64);
        server.put("memoryGib", 512);
        server.put("gpuModel", "NVIDIA H100");
        server.put("gpuCount", 4);
        server.put("gpuMemoryGib", 80);
        server.put("location", "Rack R1");
        server.put("networkZone", "lab-secure");
        serverId = as(Tokens.OPERATOR)
                .body(server)
                .post("/api/v1/servers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        serverCreatedAt = Instant.parse(as(Tokens.OPERATOR)
                .get("/api/v1/servers/" + serverId)
                .then()
                .statusCode(200)
                .extract()
                .path("createdAt"));

        organizationName = "리포트 테스트 " + suffix;
        Map<String, Object> org = new HashMap<>();
        org.put("kind", "AI_COMPANY");
        org.put("name", organizationName);
        org.put("businessRegistrationNumber", BusinessRegistrationNumbers.random());
        org.put("contactEmail", "lab@report-test.example");
        org.put("contactName", "Park Seo-yeon");
        organizationId = as(Tokens.OPERATOR)
                .body(org)
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Tokens.OPERATOR)
                .post("/api/v1/organizations/" + organizationId + "/activate")
                .then()
                .statusCode(200);

        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(2, ChronoUnit.DAYS);
        book(base, base.plus(10, ChronoUnit.HOURS));
        book(base.plus(24, ChronoUnit.HOURS), base.plus(30, ChronoUnit.HOURS));
        // crosses the end of the period: only its first two hours count
        book(periodEnd.minus(2, ChronoUnit.HOURS), periodEnd.plus(3, ChronoUnit.HOURS));
        bookedHours = 10 + 6 + 2;
        cancelledBooking = book(base.plus(40, ChronoUnit.HOURS), base.plus(45, ChronoUnit.HOURS));
        as(Tokens.OPERATOR)
                .delete("/api/v1/bookings/" + cancelledBooking)
                .then()
                .statusCode(204);
        Map<String, Object> window = Map.of(
                "startsAt",
                base.plus(12, ChronoUnit.HOURS).toString(),
                "endsAt",
                base.plus(20, ChronoUnit.HOURS).toString(),
                "reason",
                "GPU firmware update");
        as(Tokens.OPERATOR)
                .body(window)
                .post("/api/v1/servers/" + serverId + "/maintenance")
                .then()
                .statusCode(201);
        maintenanceHours = 8;
    }

    private String book(Instant startsAt, Instant endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("serverId", serverId);
        body.put("organizationId", organizationId);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("purpose", "Fine-tuning a fish disease detector");
        return as(Tokens.OPERATOR)
                .body(body)
                .post("/api/v1/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Hours the fixture's server existed in the period (it was registered during it). */
    double existingHours() {
        return Duration.between(serverCreatedAt, periodEnd).toNanos() / 3_600_000_000_000.0;
    }

    // --- storage ----------------------------------------------------------------------------------------------

    private void storage() {
        bucketName = "lg-rep-" + suffix;
        try {
            TestStore.minio()
                    .makeBucket(MakeBucketArgs.builder().bucket(bucketName).build());
            put("a.bin", 1_000);
            bucketId = PublishedDatasets.registeredBucket(bucketName, 50_000L);
            as(Tokens.OPERATOR)
                    .post("/api/v1/buckets/" + bucketId + "/reconcile")
                    .then()
                    .statusCode(200);
            put("b.bin", 2_500);
            as(Tokens.OPERATOR)
                    .post("/api/v1/buckets/" + bucketId + "/reconcile")
                    .then()
                    .statusCode(200);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the report test bucket", e);
        }
    }

    private void put(String key, int size) throws Exception {
        TestStore.minio()
                .putObject(PutObjectArgs.builder().bucket(bucketName).object(key).stream(
                                new ByteArrayInputStream(new byte[size]), size, -1)
                        .build());
    }
}
