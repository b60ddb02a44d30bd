package io.labgate.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgate.report.render.PdfChecks;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report as a PDF through the API, for {@link ReportFixture}'s period: every summary figure of the JSON report
 * is in the PDF's text (in the unit printed), in Korean and in English; every page has ink and stays within the
 * page; the Korean font is an embedded subset.
 */
@QuarkusTest
class ReportPdfTest {

    @Inject
    DemoOrganizations demo;

    ReportFixture f;

    @BeforeEach
    void fixture() {
        f = ReportFixture.get(demo);
    }

    private Map<String, Object> period() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", f.from.toString());
        parameters.put("to", f.to.toString());
        parameters.put("groupBy", "MONTH");
        return parameters;
    }

    @Test
    void pdfHasEveryFigureOfTheJsonReportInBothLanguages() throws Exception {
        for (ReportLanguage language : ReportLanguage.values()) {
            ReportLabels labels = ReportLabels.of(language);
            byte[] pdf = null;
            List<ReportFigure> figures = List.of();
            // the figures of the JSON asked before and after the PDF must agree (a background job may add a sample)
            for (int attempt = 0; attempt < 3; attempt++) {
                figures = figures(ReportTables.get("/api/v1/reports", period(), "application/json"));
                pdf = pdf(language.code(), Tokens.OPERATOR);
                if (figures.equals(figures(ReportTables.get("/api/v1/reports", period(), "application/json")))) {
                    break;
                }
            }
            assertThat(figures).hasSizeGreaterThan(30);
            String text = PdfChecks.text(pdf);
            PdfChecks.hasEveryFigure(PdfChecks.page(pdf, 2), figures, labels);
            assertThat(text)
                    .contains("operator")
                    .contains(f.from + (language == ReportLanguage.KO ? " ~ " : " to ") + f.to);
            if (language == ReportLanguage.KO) {
                assertThat(text)
                        .contains("AI 실증랩", "주요 지표 요약", "접근 경로별 다운로드", "결정까지 걸린 시간(중앙값)", "사업 목표 충족도")
                        .doesNotContain("Summary of key figures");
            } else {
                assertThat(text)
                        .contains("AI Demonstration Lab", "Summary of key figures", "Downloads by access path")
                        .contains("Median hours to decision")
                        .doesNotContain("주요 지표 요약");
            }
            Files.write(Path.of("target/report-fixture-" + language.code() + ".pdf"), pdf);
            int pages = PdfChecks.pagesAreSound(pdf);
            System.out.printf(
                    "report PDF (%s, %s to %s by month): %d pages, %,d bytes%n",
                    language.code(), f.from, f.to, pages, pdf.length);
        }
    }

    @Test
    void aSectionAsPdfByAcceptOrFormat() throws Exception {
        Response byAccept = given().auth()
                .oauth2(Tokens.of(Tokens.AUDITOR))
                .accept(ReportFormat.PDF_TYPE)
                .queryParams(Map.of("from", f.from.toString(), "to", f.to.toString(), "lang", "en"))
                .get("/api/v1/reports/coverage");
        assertThat(byAccept.statusCode()).as(byAccept.asString()).isEqualTo(200);
        assertThat(byAccept.contentType()).isEqualTo("application/pdf");
        assertThat(byAccept.header("Content-Disposition"))
                .contains("labgate-report-coverage-" + f.from + "-" + f.to + ".pdf");
        String text = PdfChecks.text(byAccept.asByteArray());
        assertThat(text).contains("Programme coverage", "auditor", f.industryName);
        PdfChecks.pagesAreSound(byAccept.asByteArray());
    }

    @Test
    void onlyKoOrEnAndOnlyStaff() {
        for (String path : List.of("/api/v1/reports", "/api/v1/reports/requests")) {
            Map<String, Object> parameters = period();
            parameters.put("lang", "xx");
            Response bad = ReportTables.get(path, parameters, ReportFormat.PDF_TYPE);
            assertThat(bad.statusCode()).as(bad.asString()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.asString()).contains("lang");
        }
        Map<String, Object> parameters = period();
        parameters.put("format", "pdf");
        assertThat(given().auth()
                        .oauth2(Tokens.of(Tokens.ALICE))
                        .queryParams(parameters)
                        .get("/api/v1/reports")
                        .statusCode())
                .isEqualTo(403);
    }

    /** Every section, column and summary figure of the report, however grouped, has a Korean title. */
    @Test
    void everythingHasAKoreanLabel() {
        ReportLabels korean = ReportLabels.of(ReportLanguage.KO);
        for (String groupBy : new String[] {null, "MONTH", "ORGANIZATION"}) {
            Map<String, Object> parameters = period();
            parameters.remove("groupBy");
            if (groupBy != null) {
                parameters.put("groupBy", groupBy);
            }
            JsonNode report = ReportTables.read(ReportTables.get("/api/v1/reports", parameters, "application/json")
                    .asByteArray());
            List<String> missing = new ArrayList<>();
            for (JsonNode section : report.get("sections")) {
                String id = section.get("section").asText();
                if (!korean.hasSection(id)) {
                    missing.add(id);
                }
                for (JsonNode column : section.get("columns")) {
                    if (!korean.hasColumn(id, column.get("key").asText())) {
                        missing.add(id + "." + column.get("key").asText());
                    }
                }
            }
            for (JsonNode figure : report.get("summary")) {
                if (!korean.hasFigure(
                        figure.get("section").asText(), figure.get("key").asText())) {
                    missing.add("figure " + figure.get("section").asText() + "."
                            + figure.get("key").asText());
                }
            }
            assertThat(missing).as("grouped by " + groupBy).isEmpty();
        }
    }

    private byte[] pdf(String lang, String user) {
        Map<String, Object> parameters = period();
        parameters.put("format", "pdf");
        parameters.put("lang", lang);
        Response response =
                given().auth().oauth2(Tokens.of(user)).queryParams(parameters).get("/api/v1/reports");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/pdf");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"labgate-report-all-" + f.from + "-" + f.to + ".pdf\"");
        return response.asByteArray();
    }

    /** The summary of a JSON report as figures: integers as Long, decimals as BigDecimal, as the renderer has them. */
    private static List<ReportFigure> figures(Response json) {
        assertThat(json.statusCode()).isEqualTo(200);
        List<ReportFigure> figures = new ArrayList<>();
        for (JsonNode figure : ReportTables.read(json.asByteArray()).get("summary")) {
            JsonNode value = figure.get("value");
            Object number = value == null || value.isNull()
                    ? null
                    : value.isIntegralNumber() ? (Object) value.longValue() : (Object) value.decimalValue();
            figures.add(new ReportFigure(
                    figure.get("section").asText(),
                    figure.get("key").asText(),
                    figure.get("title").asText(),
                    number));
        }
        return figures;
    }
}
