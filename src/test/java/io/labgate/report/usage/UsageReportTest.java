package io.labgate.report.usage;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.labgate.gateway.S3BucketNames;
import io.labgate.platform.time.LabTime;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportPeriod;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSection;
import io.labgate.report.ReportSource;
import io.labgate.report.ReportTable;
import io.labgate.report.ReportTables;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The usage sections over a fixture made through the real API — three streamed downloads, two presigned links,
 * one S3 GetObject (and a HeadObject, which is no download), two refusals of a missing key on the
 * dataset (REST and S3), and one refusal of an
 * unknown access key — and ROLLUP against RAW for every usage section and dimension. The database is shared: the
 * figures are checked on this fixture's own dataset only.
 */
@QuarkusTest
class UsageReportTest {

    static final int A = 1000;
    static final int B = 2500;
    static final int C = 7000;

    /** The fixture, made once for the class: its dataset code, the KST days its events fell on. */
    record Fixture(String datasetCode, String datasetTitle, Set<LocalDate> days) {}

    private static Fixture fixture;

    @TestHTTPResource("/s3")
    URL s3Endpoint;

    @Inject
    DemoOrganizations demo;

    @Inject
    DataSource dataSource;

    @Inject
    @Any
    Instance<ReportSection> sections;

    @Inject
    DownloadsSection downloads;

    @Inject
    RefusalsSection refusals;

    @Inject
    TransparencySection transparency;

    @BeforeEach
    void fixture() throws Exception {
        ApprovedGrants.organizations(demo);
        synchronized (UsageReportTest.class) {
            if (fixture == null) {
                fixture = build();
            }
        }
    }

    private Fixture build() throws Exception {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        Random random = new Random(7);
        for (Map.Entry<String, Integer> object :
                Map.of("d/a.bin", A, "d/b.bin", B, "d/c.bin", C).entrySet()) {
            byte[] bytes = new byte[object.getValue()];
            random.nextBytes(bytes);
            objects.put(object.getKey(), bytes);
        }
        Approved grant = ApprovedGrants.grant(
                ApprovedGrants.allModes(),
                objects,
                List.of("STREAM", "PRESIGNED_URL", "S3_ENDPOINT"),
                Duration.ofDays(1));
        String objectsPath = "/api/v1/grants/" + grant.grantId() + "/objects/";

        // 3 streamed downloads: 1000 + 2500 + a 100-byte range of c.bin
        assertThat(as(Tokens.ALICE)
                        .get(objectsPath + "a.bin")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray())
                .hasSize(A);
        assertThat(as(Tokens.ALICE)
                        .get(objectsPath + "b.bin")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray())
                .hasSize(B);
        assertThat(as(Tokens.ALICE)
                        .header("Range", "bytes=0-99")
                        .get(objectsPath + "c.bin")
                        .then()
                        .statusCode(206)
                        .extract()
                        .asByteArray())
                .hasSize(100);
        // 2 links: a.bin and c.bin offer 8000 bytes
        as(Tokens.ALICE)
                .body(Map.of("keys", List.of("a.bin", "c.bin")))
                .post("/api/v1/grants/" + grant.grantId() + "/links")
                .then()
                .statusCode(200);
        // refusal 1: a key that is not in the manifest (REST)
        as(Tokens.ALICE).get(objectsPath + "missing.bin").then().statusCode(404);

        // the S3 endpoint: a HeadObject (not a download), 1 GetObject of b.bin, refusal 2 (NoSuchKey)
        String code = as(Tokens.OPERATOR)
                .get("/api/v1/datasets/" + grant.datasetId())
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        String title = as(Tokens.OPERATOR)
                .get("/api/v1/datasets/" + grant.datasetId())
                .then()
                .statusCode(200)
                .extract()
                .path("title");
        String label = as(Tokens.OPERATOR)
                .get("/api/v1/datasets/" + grant.datasetId() + "/versions/" + grant.versionId())
                .then()
                .statusCode(200)
                .extract()
                .path("label");
        String bucket = S3BucketNames.bucketName(code, label);
        var key = as(Tokens.ALICE)
                .post("/api/v1/grants/" + grant.grantId() + "/access-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        try (S3Client s3 = s3(key.getString("accessKeyId"), key.getString("secretAccessKey"))) {
            assertThat(s3.headObject(r -> r.bucket(bucket).key("a.bin")).contentLength())
                    .isEqualTo(A);
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("b.bin")).asByteArray())
                    .hasSize(B);
            assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket(bucket).key("missing.bin")))
                    .isInstanceOf(S3Exception.class);
        }
        // a refusal nobody can be blamed for: an unknown access key (organization and dataset unknown)
        try (S3Client s3 = s3("LGUNKNOWN" + PublishedDatasets.suffix().toUpperCase(Locale.ROOT), "not-a-secret")) {
            assertThatThrownBy(() -> s3.listBuckets()).isInstanceOf(S3Exception.class);
        }

        // the REST download's event is committed right after the last byte: wait for all of them
        UUID grantId = UUID.fromString(grant.grantId());
        // (3 streamed, 2 links, HeadObject, GetObject, 2 refusals)
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(grantId) == 9);
        return new Fixture(code, title, daysOf(grantId));
    }

    @Test
    void fixtureFiguresAppearExactlyInEachSectionFromBothSources() {
        for (ReportSource source : ReportSource.values()) {
            ReportQuery query = new ReportQuery(period(), ReportDimension.DATASET, source);

            ReportTable table = downloads.compute(query);
            List<Object> row = only(table, 0, fixture.datasetCode());
            assertThat(cells(table, row))
                    .as(source.name())
                    .containsExactlyEntriesOf(figures(
                            "group",
                            fixture.datasetCode(),
                            "groupName",
                            fixture.datasetTitle(),
                            "streamObjects",
                            3L,
                            "streamBytes",
                            (long) A + B + 100,
                            "s3Objects",
                            1L,
                            "s3Bytes",
                            (long) B,
                            "cutTransfers",
                            0L,
                            "cutBytes",
                            0L,
                            "linkObjects",
                            2L,
                            "linkBytesOffered",
                            (long) A + C,
                            "objects",
                            6L,
                            "bytesDelivered",
                            (long) A + B + 100 + B));

            table = refusals.compute(query);
            Map<String, Long> byReason = table.rows().stream()
                    .filter(r -> fixture.datasetCode().equals(r.get(0)))
                    .collect(Collectors.toMap(r -> (String) r.get(2), r -> (Long) r.get(3)));
            // the S3 endpoint's NoSuchKey is the delivery's refusal, logged once with the delivery reason
            assertThat(byReason).as(source.name()).containsExactlyInAnyOrderEntriesOf(Map.of("NO_SUCH_KEY", 2L));

            table = transparency.compute(query.groupedBy(null));
            row = only(table, 4, fixture.datasetCode());
            Map<String, Object> cells = cells(table, row);
            assertThat(cells)
                    .as(source.name())
                    .containsAllEntriesOf(figures(
                            "providerId",
                            DemoOrganizations.JEJU.toString(),
                            "organizationId",
                            DemoOrganizations.ALPHA.toString(),
                            "dataset",
                            fixture.datasetTitle(),
                            "streamObjects",
                            3L,
                            "streamBytes",
                            (long) A + B + 100,
                            "s3Objects",
                            1L,
                            "s3Bytes",
                            (long) B,
                            "cutTransfers",
                            0L,
                            "cutBytes",
                            0L,
                            "linkObjects",
                            2L,
                            "linkBytesOffered",
                            (long) A + C,
                            "objects",
                            6L,
                            "bytesDelivered",
                            (long) A + B + 100 + B,
                            "daysActive",
                            (long) fixture.days().size()));
            assertThat((String) cells.get("provider")).isNotBlank().isNotEqualTo(UsageSql.UNKNOWN);
            assertThat((String) cells.get("organization")).isNotBlank().isNotEqualTo(UsageSql.UNKNOWN);

            // by month: the same figures under the month(s) of the events
            table = transparency.compute(query.groupedBy(ReportDimension.MONTH));
            List<List<Object>> monthly = table.rows().stream()
                    .filter(r -> fixture.datasetCode().equals(r.get(4)))
                    .toList();
            assertThat(monthly)
                    .extracting(r -> (String) r.get(6))
                    .containsExactlyElementsOf(fixture.days().stream()
                            .map(d -> d.toString().substring(0, 7))
                            .distinct()
                            .sorted()
                            .toList());
            assertThat(monthly.stream().mapToLong(r -> (Long) r.get(15)).sum()).isEqualTo(6);
        }
    }

    /** The same figures through the REST API, as JSON, as CSV (with BOM) and as XLSX. */
    @Test
    void fixtureFiguresReadTheSameInJsonCsvAndXlsx() {
        Map<String, String> byDataset =
                Map.of("from", period().from().toString(), "to", period().to().toString(), "groupBy", "DATASET");
        Map<String, Long> downloaded = new LinkedHashMap<>();
        downloaded.put("streamObjects", 3L);
        downloaded.put("streamBytes", (long) A + B + 100);
        downloaded.put("s3Objects", 1L);
        downloaded.put("s3Bytes", (long) B);
        downloaded.put("cutTransfers", 0L);
        downloaded.put("cutBytes", 0L);
        downloaded.put("linkObjects", 2L);
        downloaded.put("linkBytesOffered", (long) A + C);
        downloaded.put("objects", 6L);
        downloaded.put("bytesDelivered", (long) A + B + 100 + B);
        for (ReportTables.Table table : ReportTables.all("downloads", byDataset)) {
            Map<String, Object> row = table.row("group", fixture.datasetCode());
            assertThat(row.get("groupName")).as(table.format()).isEqualTo(fixture.datasetTitle());
            downloaded.forEach((key, value) -> assertThat(table.number(row, key))
                    .as(table.format() + " " + key)
                    .isEqualByComparingTo(BigDecimal.valueOf(value)));
        }
        for (ReportTables.Table table : ReportTables.all("refusals", byDataset)) {
            List<Map<String, Object>> rows = table.rowsWith("group", fixture.datasetCode());
            assertThat(rows).as(table.format()).hasSize(1);
            assertThat(rows.get(0).get("reason")).isEqualTo("NO_SUCH_KEY");
            assertThat(table.number(rows.get(0), "refusals")).isEqualByComparingTo(BigDecimal.valueOf(2));
        }
        Map<String, String> ungrouped =
                Map.of("from", period().from().toString(), "to", period().to().toString());
        for (ReportTables.Table table : ReportTables.all("transparency", ungrouped)) {
            Map<String, Object> row = table.row("datasetCode", fixture.datasetCode());
            assertThat(row.get("providerId")).as(table.format()).isEqualTo(DemoOrganizations.JEJU.toString());
            assertThat(row.get("organizationId")).isEqualTo(DemoOrganizations.ALPHA.toString());
            downloaded.forEach((key, value) -> assertThat(table.number(row, key))
                    .as(table.format() + " " + key)
                    .isEqualByComparingTo(BigDecimal.valueOf(value)));
            assertThat(table.number(row, "daysActive"))
                    .isEqualByComparingTo(BigDecimal.valueOf(fixture.days().size()));
        }
    }

    @Test
    void refusalsWithoutOrganizationOrDatasetAreTheUnknownGroup() {
        // refusals of unverified requests are tallied per minute and written after their minute ends: wait for it
        await().atMost(Duration.ofSeconds(90))
                .until(() ->
                        refusals
                                .compute(new ReportQuery(period(), ReportDimension.ORGANIZATION, ReportSource.RAW))
                                .rows()
                                .stream()
                                .anyMatch(r -> r.get(0) == null && "s3 InvalidAccessKeyId".equals(r.get(2))));
        for (ReportSource source : ReportSource.values()) {
            for (ReportDimension dimension :
                    List.of(ReportDimension.ORGANIZATION, ReportDimension.DATASET, ReportDimension.PROVIDER)) {
                ReportTable table = refusals.compute(new ReportQuery(period(), dimension, source));
                assertThat(table.rows()).as(source + " " + dimension).anySatisfy(r -> {
                    assertThat(r.get(0)).isNull();
                    assertThat(r.get(1)).isEqualTo(UsageSql.UNKNOWN);
                    assertThat(r.get(2)).isEqualTo("s3 InvalidAccessKeyId");
                    assertThat((Long) r.get(3)).isPositive();
                });
            }
            // and the ungrouped table has every refusal: the sum of any grouping without PROVIDER's duplicates
            long total = sum(refusals.compute(new ReportQuery(period(), null, source)), 3);
            assertThat(sum(refusals.compute(new ReportQuery(period(), ReportDimension.ORGANIZATION, source)), 3))
                    .isEqualTo(total);
            assertThat(refusals.summary(new ReportQuery(period(), null, source)))
                    .extracting(ReportFigure::value)
                    .containsExactly(total);
        }
    }

    @Test
    void everyUsageSectionAndDimensionGivesTheSameTableFromRollupAndRaw() {
        List<ReportSection> usage = sections.stream()
                .filter(s -> s instanceof DownloadsSection
                        || s instanceof RefusalsSection
                        || s instanceof TransparencySection)
                .toList();
        assertThat(usage).hasSize(3);
        LocalDate today = LocalDate.now(LabTime.ZONE);
        List<ReportPeriod> periods = List.of(
                period(),
                new ReportPeriod(today.minusDays(365), today.plusDays(1)),
                new ReportPeriod(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 12, 31)));
        for (ReportSection section : usage) {
            List<ReportDimension> dimensions = new ArrayList<>(section.dimensions());
            dimensions.add(null);
            for (ReportPeriod period : periods) {
                for (ReportDimension dimension : dimensions) {
                    String what = section.id() + " by " + dimension + " over " + period;
                    ReportTable rollup = section.compute(new ReportQuery(period, dimension, ReportSource.ROLLUP));
                    ReportTable raw = section.compute(new ReportQuery(period, dimension, ReportSource.RAW));
                    if (!raw.equals(rollup)) {
                        // another test's events may have been committed in between: once more, both
                        rollup = section.compute(new ReportQuery(period, dimension, ReportSource.ROLLUP));
                        raw = section.compute(new ReportQuery(period, dimension, ReportSource.RAW));
                    }
                    assertThat(rollup.rows()).as(what).isNotEmpty();
                    assertThat(rollup).as(what).isEqualTo(raw);
                    assertThat(rollup.columns()).extracting(ReportColumn::key).doesNotHaveDuplicates();
                }
            }
            assertThat(section.summary(new ReportQuery(period(), null, ReportSource.ROLLUP)))
                    .isEqualTo(section.summary(new ReportQuery(period(), null, ReportSource.RAW)));
        }
    }

    @Test
    void downloadsSummaryIsTheTotalRow() {
        ReportQuery query = new ReportQuery(period(), null, ReportSource.ROLLUP);
        ReportTable total = downloads.compute(query);
        assertThat(total.rows()).hasSize(1);
        Map<String, Object> cells = cells(total, total.rows().get(0));
        assertThat(downloads.summary(query))
                .allSatisfy(f -> assertThat(f.value()).isEqualTo(cells.get(f.key())))
                .extracting(ReportFigure::key)
                .contains("streamBytes", "s3Objects", "linkBytesOffered");
        assertThat((Long) cells.get("streamBytes")).isGreaterThanOrEqualTo(A + B + 100);
    }

    /** The fixture's days, with a day on each side. */
    private static ReportPeriod period() {
        LocalDate first = fixture.days().stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = fixture.days().stream().max(LocalDate::compareTo).orElseThrow();
        return new ReportPeriod(first.minusDays(1), last.plusDays(1));
    }

    private static List<Object> only(ReportTable table, int column, String value) {
        List<List<Object>> rows =
                table.rows().stream().filter(r -> value.equals(r.get(column))).toList();
        assertThat(rows).as(table.section() + " rows of " + value).hasSize(1);
        return rows.get(0);
    }

    private static Map<String, Object> cells(ReportTable table, List<Object> row) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            cells.put(table.columns().get(i).key(), row.get(i));
        }
        return cells;
    }

    private static Map<String, Object> figures(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static long sum(ReportTable table, int column) {
        return table.rows().stream().mapToLong(r -> (Long) r.get(column)).sum();
    }

    private S3Client s3(String accessKeyId, String secret) throws Exception {
        return S3Client.builder()
                .endpointOverride(s3Endpoint.toURI())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private long eventsOf(UUID grantId) throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement count = db.prepareStatement("SELECT count(*) FROM usage_event WHERE grant_id = ? "
                        + "AND action IN ('OBJECT_STREAMED', 'LINK_ISSUED', 'S3_REQUEST', 'ACCESS_REFUSED')")) {
            count.setObject(1, grantId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Set<LocalDate> daysOf(UUID grantId) throws Exception {
        Set<LocalDate> days = new HashSet<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement read = db.prepareStatement(
                        "SELECT DISTINCT (occurred_at AT TIME ZONE 'Asia/Seoul')::date FROM usage_event WHERE grant_id = ? "
                                + "AND action IN ('OBJECT_STREAMED', 'LINK_ISSUED', 'S3_REQUEST') AND outcome = 'SUCCESS' "
                                + "AND (action <> 'S3_REQUEST' OR reason = 's3 GetObject')")) {
            read.setObject(1, grantId);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return days;
    }
}
