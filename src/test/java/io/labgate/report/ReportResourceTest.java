package io.labgate.report;

import static io.labgate.report.ReportTables.all;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgate.platform.time.LabTime;
import io.labgate.report.ReportTables.Table;
import io.labgate.report.render.XlsxRenderer;
import io.labgate.testing.DemoOrganizations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operation report checked figure by figure against what {@link ReportFixture} did through the API, in
 * JSON, CSV and XLSX. The database is shared with every other test, so each check reads the fixture's own rows:
 * its datasets, its industry and technologies, its organization, server and bucket.
 */
@QuarkusTest
class ReportResourceTest {

    @Inject
    DemoOrganizations demo;

    ReportFixture f;

    @BeforeEach
    void fixture() {
        f = ReportFixture.get(demo);
    }

    private Map<String, Object> period(String groupBy) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", f.from.toString());
        parameters.put("to", f.to.toString());
        if (groupBy != null) {
            parameters.put("groupBy", groupBy);
        }
        return parameters;
    }

    // --- requests ---------------------------------------------------------------------------------------------

    @Test
    void requestsByDatasetCountEachRequestInEachOfItsDatasets() {
        for (Table table : all("requests", period("DATASET"))) {
            Map<String, Object> korean = table.row("group", f.koreanDatasetCode);
            assertThat(korean.get("groupName")).as(table.format()).isEqualTo(f.koreanDatasetTitle);
            assertInteger(table, korean, "companiesServed", 2); // alice and bob had grants
            assertInteger(table, korean, "requestsReceived", 7);
            assertInteger(table, korean, "requestsApproved", 3);
            assertInteger(table, korean, "requestsRejected", 2);
            assertInteger(table, korean, "requestsWithdrawn", 1);
            assertInteger(table, korean, "consentsRefused", 1);
            assertHours(
                    table, korean, "medianHoursToDecision", percentile(f.hoursToDecision.get(f.koreanDatasetId), 0.5));
            assertHours(table, korean, "p90HoursToDecision", percentile(f.hoursToDecision.get(f.koreanDatasetId), 0.9));

            Map<String, Object> formula = table.row("group", f.formulaDatasetCode);
            assertThat(formula.get("groupName"))
                    .as(table.format() + ": formula-like name")
                    .isEqualTo(table.format().equals("csv") ? "'" + f.formulaDatasetTitle : f.formulaDatasetTitle);
            assertInteger(table, formula, "companiesServed", 1);
            assertInteger(table, formula, "requestsReceived", 1);
            assertInteger(table, formula, "requestsApproved", 1);
            assertInteger(table, formula, "requestsRejected", 0);
            assertInteger(table, formula, "requestsWithdrawn", 0);
            assertInteger(table, formula, "consentsRefused", 0);
            double only = f.hoursToDecision.get(f.formulaDatasetId).get(0);
            assertHours(table, formula, "medianHoursToDecision", only);
            assertHours(table, formula, "p90HoursToDecision", only);
        }
    }

    @Test
    void requestsByIndustryCountARequestOnceAcrossItsDatasets() {
        for (Table table : all("requests", period("INDUSTRY"))) {
            Map<String, Object> row = table.row("group", f.industryCode);
            assertThat(row.get("groupName"))
                    .as(table.format() + ": Korean name round-trips")
                    .isEqualTo(f.industryName);
            assertInteger(table, row, "companiesServed", 2);
            assertInteger(table, row, "requestsReceived", 7);
            assertInteger(table, row, "requestsApproved", 3);
            assertInteger(table, row, "requestsRejected", 2);
            assertInteger(table, row, "requestsWithdrawn", 1);
            assertInteger(table, row, "consentsRefused", 1);
            assertHours(table, row, "medianHoursToDecision", percentile(f.industryHoursToDecision, 0.5));
            assertHours(table, row, "p90HoursToDecision", percentile(f.industryHoursToDecision, 0.9));
        }
        Table byTechnology = ReportTables.json("requests", period("AI_TECHNOLOGY"));
        assertInteger(byTechnology, byTechnology.row("group", f.otherTechnologyCode), "requestsReceived", 1);
        assertInteger(byTechnology, byTechnology.row("group", f.technologyCode), "requestsReceived", 7);
    }

    @Test
    void requestsByProviderCountARefusalOnlyForTheProviderThatRefused() {
        Table table = ReportTables.json("requests", period("PROVIDER"));
        // the demo providers serve other tests too: compare with the same report without the fixture's refusal
        Map<String, Object> jeju = table.row("group", DemoOrganizations.JEJU.toString());
        Map<String, Object> ocean = table.row("group", DemoOrganizations.OCEAN.toString());
        long jejuRefusals = table.number(jeju, "consentsRefused").longValue();
        long oceanRefusals = table.number(ocean, "consentsRefused").longValue();
        assertThat(jejuRefusals).isGreaterThanOrEqualTo(1);
        // dave (Ocean) never refused in this JVM's tests of this period unless another test did: whatever the
        // count, carol's refusal of R3 must not have been added to Ocean, so Ocean's count equals its refusals
        assertThat(oceanRefusals).isEqualTo(refusalsOf(DemoOrganizations.OCEAN.toString()));
        assertThat(jejuRefusals).isEqualTo(refusalsOf(DemoOrganizations.JEJU.toString()));
    }

    /** Refused consents of a provider decided in the period, counted through the request API. */
    private long refusalsOf(String providerId) {
        long count = 0;
        Instant start = f.from.atStartOfDay(LabTime.ZONE).toInstant();
        Instant end = f.to.plusDays(1).atStartOfDay(LabTime.ZONE).toInstant();
        int page = 0;
        while (true) {
            var body = io.labgate.testing.Api.as(io.labgate.testing.Tokens.AUDITOR)
                    .get(ReportFixture.REQUESTS + "?size=100&page=" + page)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            for (Map<String, Object> item : items) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> consents = (List<Map<String, Object>>) item.get("consents");
                for (Map<String, Object> c : consents) {
                    if (providerId.equals(c.get("providerOrgId"))
                            && "REFUSED".equals(c.get("decision"))
                            && c.get("decidedAt") != null) {
                        Instant at = Instant.parse((String) c.get("decidedAt"));
                        if (!at.isBefore(start) && at.isBefore(end)) {
                            count++;
                        }
                    }
                }
            }
            if (page + 1 >= body.getInt("totalPages")) {
                return count;
            }
            page++;
        }
    }

    // --- grants -----------------------------------------------------------------------------------------------

    @Test
    void grantsByDatasetCountActiveStartedAndEnded() {
        for (Table table : all("grants", period("DATASET"))) {
            Map<String, Object> korean = table.row("group", f.koreanDatasetCode);
            assertInteger(table, korean, "grantsActive", 3);
            assertInteger(table, korean, "grantsStarted", 3);
            assertInteger(table, korean, "grantsEnded", 1);
            assertInteger(table, korean, "grantsExpired", 0);
            assertInteger(table, korean, "grantsRevoked", 1);
            Map<String, Object> formula = table.row("group", f.formulaDatasetCode);
            assertInteger(table, formula, "grantsActive", 1);
            assertInteger(table, formula, "grantsStarted", 1);
            assertInteger(table, formula, "grantsEnded", 0);
        }
        // a period entirely before the grants: nothing of the fixture's
        Map<String, Object> before = new HashMap<>(Map.of(
                "from",
                f.from.minusDays(30).toString(),
                "to",
                f.from.minusDays(20).toString(),
                "groupBy",
                "DATASET"));
        assertThat(ReportTables.json("grants", before).rowsWith("group", f.koreanDatasetCode))
                .isEmpty();
    }

    // --- bookings ---------------------------------------------------------------------------------------------

    @Test
    void bookingsGiveGpuHoursPerOrganizationClippedToThePeriod() {
        for (Table table : all("bookings", period("ORGANIZATION"))) {
            Map<String, Object> row = table.row("organizationId", f.organizationId);
            assertThat(row.get("organization")).as(table.format()).isEqualTo(f.organizationName);
            assertDecimal(table, row, "gpuHours", f.bookedHours * 4);
            assertDecimal(table, row, "serverHours", f.bookedHours);
            assertInteger(table, row, "bookings", 3);
        }
        Table monthly = ReportTables.json("bookings", period("MONTH"));
        List<Map<String, Object>> rows = monthly.rowsWith("organizationId", f.organizationId);
        assertThat(rows).isNotEmpty();
        double gpuHours = rows.stream()
                .mapToDouble(r -> monthly.number(r, "gpuHours").doubleValue())
                .sum();
        assertThat(gpuHours).as("months add up").isCloseTo(f.bookedHours * 4, within(1e-6));
        assertThat(rows).allSatisfy(r -> assertThat((String) r.get("month")).matches("\\d{4}-\\d{2}"));
    }

    @Test
    void serverUtilisationIsBookedOverAvailableHoursWithoutMaintenance() {
        double existing = f.existingHours();
        double available = existing - f.maintenanceHours;
        for (Table table : all("server-utilisation", period(null))) {
            Map<String, Object> row = table.row("serverId", f.serverId);
            assertThat(row.get("hostname")).isEqualTo(f.hostname);
            assertInteger(table, row, "gpuCount", 4);
            assertDecimal(table, row, "existingHours", existing);
            assertDecimal(table, row, "maintenanceHours", f.maintenanceHours);
            assertDecimal(table, row, "availableHours", available);
            assertDecimal(table, row, "bookedHours", f.bookedHours);
            assertDecimal(table, row, "bookedGpuHours", f.bookedHours * 4);
            assertDecimal(table, row, "utilisation", f.bookedHours / available);
        }
        Table monthly = ReportTables.json("server-utilisation", period("MONTH"));
        List<Map<String, Object>> rows = monthly.rowsWith("serverId", f.serverId);
        assertThat(rows.stream()
                        .mapToDouble(r -> monthly.number(r, "existingHours").doubleValue())
                        .sum())
                .isCloseTo(existing, within(1e-5));
        assertThat(rows.stream()
                        .mapToDouble(r -> monthly.number(r, "bookedHours").doubleValue())
                        .sum())
                .isCloseTo(f.bookedHours, within(1e-5));
        assertThat(rows.stream().map(r -> (String) r.get("month")).toList())
                .doesNotHaveDuplicates()
                .isSorted();
    }

    // --- coverage ---------------------------------------------------------------------------------------------

    @Test
    void coverageGivesEachPairAsOfTheEndOfThePeriod() {
        for (Table table : all("coverage", period(null))) {
            List<Map<String, Object>> mine = table.rowsWith("industryCode", f.industryCode);
            Map<String, Object> covered = mine.stream()
                    .filter(r -> f.technologyCode.equals(r.get("aiTechnologyCode")))
                    .findFirst()
                    .orElseThrow();
            assertThat(covered.get("industry")).as(table.format()).isEqualTo(f.industryName);
            assertThat(covered.get("aiTechnology")).isEqualTo(f.technologyName);
            assertInteger(table, covered, "publishedDatasets", 1);
            assertInteger(table, covered, "providers", 2);
            assertThat(covered.get("meetsProgrammeTarget")).isEqualTo("true");
            Map<String, Object> single = mine.stream()
                    .filter(r -> f.otherTechnologyCode.equals(r.get("aiTechnologyCode")))
                    .findFirst()
                    .orElseThrow();
            assertInteger(table, single, "publishedDatasets", 1);
            assertInteger(table, single, "providers", 1);
            assertThat(single.get("meetsProgrammeTarget")).isEqualTo("false");
            assertThat(mine.stream()
                            .filter(r -> !List.of(f.technologyCode, f.otherTechnologyCode)
                                    .contains(r.get("aiTechnologyCode"))))
                    .allSatisfy(r -> assertThat(((BigDecimal) r.get("publishedDatasets")).signum())
                            .isZero());
        }
        // the day before the datasets were published, the pair was not covered yet
        Map<String, Object> earlier = new HashMap<>(Map.of(
                "from",
                f.today.minusDays(10).toString(),
                "to",
                f.today.minusDays(1).toString()));
        Table table = ReportTables.json("coverage", earlier);
        Map<String, Object> pair = table.rowsWith("industryCode", f.industryCode).stream()
                .filter(r -> f.technologyCode.equals(r.get("aiTechnologyCode")))
                .findFirst()
                .orElseThrow();
        assertInteger(table, pair, "publishedDatasets", 0);
        assertThat(pair.get("meetsProgrammeTarget")).isEqualTo("false");
    }

    // --- storage ----------------------------------------------------------------------------------------------

    @Test
    void storageGivesTheLastSampleOfEachDay() {
        List<Map<String, Object>> samples = io.labgate.testing.Api.as(io.labgate.testing.Tokens.AUDITOR)
                .get("/api/v1/buckets/" + f.bucketId + "/usage-samples?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
        Map<LocalDate, List<Map<String, Object>>> byDay = new HashMap<>();
        for (Map<String, Object> sample : samples) {
            LocalDate day = Instant.parse((String) sample.get("sampledAt"))
                    .atZone(LabTime.ZONE)
                    .toLocalDate();
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(sample);
        }
        for (Table table : all("storage", period(null))) {
            List<Map<String, Object>> rows = table.rowsWith("bucketId", f.bucketId);
            assertThat(rows).as(table.format()).hasSize(byDay.size());
            for (Map<String, Object> row : rows) {
                LocalDate day = LocalDate.parse((String) row.get("day"));
                List<Map<String, Object>> ofDay = byDay.get(day);
                Map<String, Object> last = Collections.max(
                        ofDay,
                        (a, b) -> Instant.parse((String) a.get("sampledAt"))
                                .compareTo(Instant.parse((String) b.get("sampledAt"))));
                assertThat(row.get("bucket")).isEqualTo(f.bucketName);
                assertThat(Instant.parse((String) row.get("sampledAt")))
                        .isEqualTo(Instant.parse((String) last.get("sampledAt")));
                assertInteger(table, row, "objects", ((Number) last.get("objectCount")).longValue());
                assertInteger(table, row, "usedBytes", ((Number) last.get("usedBytes")).longValue());
                assertInteger(table, row, "quotaBytes", 50_000);
                assertDecimal(table, row, "usageRatio", ((Number) last.get("usedBytes")).doubleValue() / 50_000);
                assertInteger(table, row, "samples", ofDay.size());
            }
        }
        Map<String, Object> today = table("storage").row("bucketId", f.bucketId);
        assertThat(today.get("usedBytes")).isEqualTo(new BigDecimal(3_500));
        Table monthly = ReportTables.json("storage", period("MONTH"));
        assertThat(monthly.rowsWith("bucketId", f.bucketId))
                .allSatisfy(r -> assertThat((String) r.get("month")).matches("\\d{4}-\\d{2}"));
    }

    private Table table(String section) {
        return ReportTables.json(section, period(null));
    }

    // --- the full report --------------------------------------------------------------------------------------

    @Test
    void fullReportInJsonHasEverySectionAndTheSummary() {
        Response response = ReportTables.get("/api/v1/reports", period("DATASET"), "application/json");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        JsonNode body = ReportTables.read(response.asByteArray());
        assertThat(body.get("period").get("from").asText()).isEqualTo(f.from.toString());
        assertThat(body.get("period").get("zone").asText()).isEqualTo("Asia/Seoul");
        assertThat(body.get("groupBy").asText()).isEqualTo("DATASET");
        assertThat(body.get("source").asText()).isEqualTo("ROLLUP");
        assertThat(Instant.parse(body.get("generatedAt").asText()))
                .isAfter(Instant.now().minusSeconds(600));
        List<String> ids = new ArrayList<>();
        body.get("sections").forEach(s -> ids.add(s.get("section").asText()));
        assertThat(ids)
                .containsSubsequence("requests", "grants", "bookings", "server-utilisation", "coverage", "storage");
        JsonNode bookings = section(body, "bookings");
        assertThat(bookings.has("groupedBy") && !bookings.get("groupedBy").isNull())
                .as("bookings not grouped")
                .isFalse();
        assertThat(bookings.get("note").asText())
                .contains("cannot be grouped by DATASET")
                .contains("ORGANIZATION");
        assertThat(section(body, "requests").get("groupedBy").asText()).isEqualTo("DATASET");
        assertThat(section(body, "requests").has("note")).isFalse();

        // every summary figure is the section's own total over the same period
        Table requestsTotal = table("requests");
        Map<String, BigDecimal> figures = figures(body);
        for (String key : List.of(
                "companiesServed",
                "requestsReceived",
                "requestsApproved",
                "requestsRejected",
                "requestsWithdrawn",
                "consentsRefused")) {
            assertThat(figures.get("requests." + key))
                    .as(key)
                    .isEqualByComparingTo(
                            requestsTotal.number(requestsTotal.rows().get(0), key));
        }
        assertThat(figures.get("requests.requestsReceived")).isGreaterThanOrEqualTo(new BigDecimal(7));
        Table grantsTotal = table("grants");
        assertThat(figures.get("grants.grantsActive"))
                .isEqualByComparingTo(grantsTotal.number(grantsTotal.rows().get(0), "grantsActive"));
        assertThat(figures.get("grants.grantsRevoked")).isGreaterThanOrEqualTo(BigDecimal.ONE);
        assertThat(figures.get("bookings.gpuHours")).isGreaterThanOrEqualTo(new BigDecimal(72));
        assertThat(figures.get("coverage.pairsMeetingTarget")).isGreaterThanOrEqualTo(BigDecimal.ONE);
        assertThat(figures.get("storage.buckets")).isGreaterThanOrEqualTo(BigDecimal.ONE);
    }

    @Test
    void fullReportInXlsxHasASummarySheetThenOneSheetPerSection() throws Exception {
        Map<String, Object> parameters = period("MONTH");
        parameters.put("format", "xlsx");
        // the sections' own titles, which the JSON gives too
        parameters.put("lang", "en");
        Response response = ReportTables.get("/api/v1/reports", parameters, "application/json");
        assertThat(response.statusCode()).as("format wins over Accept").isEqualTo(200);
        assertThat(response.contentType()).startsWith(ReportTables.XLSX);
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"labgate-report-all-" + f.from + "-" + f.to + ".xlsx\"");
        JsonNode json = ReportTables.read(ReportTables.get("/api/v1/reports", period("MONTH"), "application/json")
                .asByteArray());
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(s -> sheets.add(s.getSheetName()));
            List<String> expected = new ArrayList<>(List.of(XlsxRenderer.SUMMARY_SHEET));
            json.get("sections").forEach(s -> expected.add(s.get("section").asText()));
            assertThat(sheets).isEqualTo(expected);

            Sheet summary = workbook.getSheet(XlsxRenderer.SUMMARY_SHEET);
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).contains("Summary of key figures");
            assertThat(summary.getRow(1).getCell(0).getStringCellValue())
                    .contains(f.from.toString())
                    .contains(f.to.toString())
                    .contains("Asia/Seoul");
            JsonNode figures = json.get("summary");
            assertThat(summary.getLastRowNum()).isEqualTo(2 + figures.size());
            for (int i = 0; i < figures.size(); i++) {
                var row = summary.getRow(3 + i);
                JsonNode figure = figures.get(i);
                assertThat(row.getCell(0).getStringCellValue())
                        .isEqualTo(figure.get("section").asText());
                assertThat(row.getCell(1).getStringCellValue())
                        .isEqualTo(figure.get("title").asText());
                if (figure.get("value").isNull()) {
                    assertThat(row.getCell(2)).isNull();
                } else {
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                    if (!List.of("coverage", "storage", "server-utilisation")
                            .contains(figure.get("section").asText())) {
                        // figures that neither the clock nor a scheduled job moves between the two calls
                        assertThat(row.getCell(2).getNumericCellValue())
                                .as(figure.get("key").asText())
                                .isCloseTo(figure.get("value").asDouble(), within(1e-6));
                    }
                }
            }
            // the MONTH-grouped requests sheet in the workbook reads back as its JSON
            Table sheet = ReportTables.sheet(
                    workbook.getSheet("requests"),
                    List.of(
                            "group",
                            "groupName",
                            "companiesServed",
                            "requestsReceived",
                            "requestsApproved",
                            "requestsRejected",
                            "requestsWithdrawn",
                            "medianHoursToDecision",
                            "p90HoursToDecision",
                            "consentsRefused"),
                    List.of(
                            "TEXT", "TEXT", "INTEGER", "INTEGER", "INTEGER", "INTEGER", "INTEGER", "DECIMAL", "DECIMAL",
                            "INTEGER"));
            Table months = ReportTables.json("requests", period("MONTH"));
            assertThat(sheet.rows()).hasSameSizeAs(months.rows());
            for (int i = 0; i < months.rows().size(); i++) {
                assertThat(sheet.rows().get(i).get("group"))
                        .isEqualTo(months.rows().get(i).get("group"));
                assertThat(sheet.rows().get(i).get("requestsReceived").toString())
                        .isEqualTo(((BigDecimal) months.rows().get(i).get("requestsReceived")).toBigInteger() + ".0");
            }
        }
    }

    @Test
    void fullReportInCsvIsRefusedNamingTheSectionUrls() {
        Response response = ReportTables.get("/api/v1/reports", period(null), "text/csv");
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).contains("/api/v1/reports/requests").contains("/api/v1/reports/storage");
    }

    /** Issue 12: the whole report as CSV is a ZIP of every section's CSV, each equal to the section's own CSV. */
    @Test
    void fullReportAsZipHoldsEverySectionsCsv() throws Exception {
        Response response = ReportTables.get("/api/v1/reports", period(null), "application/zip");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/zip");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"labgate-report-all-" + f.from + "-" + f.to + ".zip\"");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(response.asByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        JsonNode json = ReportTables.read(ReportTables.get("/api/v1/reports", period(null), "application/json")
                .asByteArray());
        List<String> expected = new ArrayList<>(List.of("summary.csv"));
        int n = 1;
        for (JsonNode section : json.get("sections")) {
            expected.add(
                    String.format("%02d-%s.csv", n++, section.get("section").asText()));
        }
        assertThat(entries.keySet()).containsExactlyElementsOf(expected);
        Map<String, Object> csv = period(null);
        csv.put("format", "csv");
        // a section no clock or job moves between the two calls reads the same in the ZIP as on its own
        assertThat(entries.get("01-requests.csv"))
                .isEqualTo(
                        ReportTables.get("/api/v1/reports/requests", csv, "*/*").asByteArray());
        assertThat(new String(entries.get("summary.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFsection,figure,title,value,note")
                .contains("requests,requestsReceived,");
    }

    // --- errors and negotiation -------------------------------------------------------------------------------

    @Test
    void badParametersAreProblems() {
        assertProblem(
                ReportTables.get(
                        "/api/v1/reports/requests",
                        Map.of("from", "2026-13-01", "to", "2026-12-31"),
                        "application/json"),
                400,
                "from");
        assertProblem(
                ReportTables.get("/api/v1/reports/requests", Map.of("from", "2026-01-01"), "application/json"),
                400,
                "to");
        assertProblem(
                ReportTables.get(
                        "/api/v1/reports", Map.of("from", "2026-02-01", "to", "2026-01-01"), "application/json"),
                400,
                "to");
        assertProblem(
                ReportTables.get(
                        "/api/v1/reports",
                        Map.of("from", "2026-01-01", "to", "2026-02-01", "groupBy", "WEEK"),
                        "application/json"),
                400,
                "groupBy");
        assertProblem(
                ReportTables.get(
                        "/api/v1/reports",
                        Map.of("from", "2026-01-01", "to", "2026-02-01", "source", "CACHE"),
                        "application/json"),
                400,
                "source");
        assertProblem(
                ReportTables.get(
                        "/api/v1/reports/requests",
                        Map.of("from", "2026-01-01", "to", "2026-02-01", "format", "docx"),
                        "application/json"),
                400,
                "format");
        Response unsupported = ReportTables.get(
                "/api/v1/reports/bookings",
                Map.of("from", "2026-01-01", "to", "2026-02-01", "groupBy", "DATASET"),
                "text/csv");
        assertProblem(unsupported, 400, "groupBy");
        assertThat(unsupported.asString()).contains("ORGANIZATION").contains("MONTH");
        assertProblem(
                ReportTables.get(
                        "/api/v1/reports/coverage",
                        Map.of("from", "2026-01-01", "to", "2026-02-01", "groupBy", "MONTH"),
                        "application/json"),
                400,
                "groupBy");
        Response unknown = ReportTables.get(
                "/api/v1/reports/nothing", Map.of("from", "2026-01-01", "to", "2026-02-01"), "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.asString()).contains("requests");
        assertThat(ReportTables.get(
                                "/api/v1/reports/requests",
                                Map.of("from", "2026-01-01", "to", "2026-02-01"),
                                "image/png")
                        .statusCode())
                .isEqualTo(406);
    }

    @Test
    void formatParameterWinsOverAccept() {
        Response csv = ReportTables.get(
                "/api/v1/reports/grants",
                Map.of("from", f.from.toString(), "to", f.to.toString(), "format", "csv"),
                ReportTables.XLSX);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).contains("grantsActive");
        Response json = ReportTables.get(
                "/api/v1/reports/grants", Map.of("from", f.from.toString(), "to", f.to.toString()), "*/*");
        assertThat(json.contentType()).startsWith("application/json");
    }

    @Test
    void sectionsAreListedWithTheirDimensions() {
        JsonNode sections = ReportTables.read(ReportTables.get("/api/v1/reports/sections", Map.of(), "application/json")
                .asByteArray());
        Map<String, List<String>> dimensions = new HashMap<>();
        sections.forEach(s -> {
            List<String> d = new ArrayList<>();
            s.get("dimensions").forEach(x -> d.add(x.asText()));
            dimensions.put(s.get("id").asText(), d);
        });
        assertThat(dimensions.get("requests")).hasSize(ReportDimension.values().length);
        assertThat(dimensions.get("bookings")).containsExactly("MONTH", "ORGANIZATION");
        assertThat(dimensions.get("coverage")).isEmpty();
        assertThat(dimensions.get("storage")).containsExactly("MONTH");
    }

    @Test
    void generationIsTimedPerFormatAndSection() {
        Map<String, Object> parameters = period("MONTH");
        for (String format : List.of("json", "xlsx")) {
            parameters.put("format", format);
            long started = System.nanoTime();
            assertThat(ReportTables.get("/api/v1/reports", parameters, "*/*").statusCode())
                    .isEqualTo(200);
            System.out.printf(
                    "whole report as %s (%s to %s by month): %d ms%n",
                    format, f.from, f.to, (System.nanoTime() - started) / 1_000_000);
        }
        ReportTables.get(
                        "/api/v1/reports/storage",
                        Map.of("from", f.from.toString(), "to", f.to.toString(), "format", "csv"),
                        "*/*")
                .then()
                .statusCode(200);
        String metrics = io.restassured.RestAssured.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .containsPattern(
                        "labgate_report_generation_seconds_count\\{[^}]*format=\"xlsx\"" + "[^}]*section=\"all\"")
                .containsPattern(
                        "labgate_report_generation_seconds_count\\{[^}]*format=\"csv\"[^}]*" + "section=\"storage\"");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static JsonNode section(JsonNode report, String id) {
        for (JsonNode section : report.get("sections")) {
            if (section.get("section").asText().equals(id)) {
                return section;
            }
        }
        throw new AssertionError("no section " + id);
    }

    private static Map<String, BigDecimal> figures(JsonNode report) {
        Map<String, BigDecimal> figures = new HashMap<>();
        report.get("summary")
                .forEach(f -> figures.put(
                        f.get("section").asText() + "." + f.get("key").asText(),
                        f.get("value").isNull() ? null : f.get("value").decimalValue()));
        return figures;
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).contains(field);
    }

    private static void assertInteger(Table table, Map<String, Object> row, String column, long expected) {
        assertThat(table.number(row, column))
                .as(table.format() + ": " + column)
                .isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    private static void assertDecimal(Table table, Map<String, Object> row, String column, double expected) {
        assertThat(table.number(row, column).doubleValue())
                .as(table.format() + ": " + column)
                .isCloseTo(expected, within(2e-6));
    }

    /** Hours are rounded to six decimals by the report. */
    private static void assertHours(Table table, Map<String, Object> row, String column, double expected) {
        assertDecimal(table, row, column, expected);
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
    static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double position = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    @SuppressWarnings("unused")
    private static Instant utc(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
