package io.labgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.report.render.CsvRenderer;
import io.labgate.report.render.XlsxRenderer;
import io.labgate.report.render.ZipRenderer;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The renderers and the format negotiation on their own, without the application. */
class ReportRenderingTest {

    private static final ReportTable TABLE = new ReportTable(
            "demo",
            "Demo section",
            null,
            List.of(
                    ReportColumn.text("name", "Name"), ReportColumn.integer("count", "Count"),
                    ReportColumn.decimal("ratio", "Ratio"), ReportColumn.date("day", "Day")),
            List.of(
                    Arrays.asList("제주, \"스마트\" 팜", 3L, new BigDecimal("0.250000"), LocalDate.of(2026, 3, 1)),
                    Arrays.asList("=1+2", -4L, null, null),
                    Arrays.asList("+cmd", 0L, BigDecimal.ONE, null)));

    @Test
    void csvHasTheBomRfc4180QuotingAndDefusedFormulas() {
        byte[] bytes = CsvRenderer.render(TABLE);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo("name,count,ratio,day\r\n"
                        + "\"제주, \"\"스마트\"\" 팜\",3,0.250000,2026-03-01\r\n"
                        + "'=1+2,-4,,\r\n"
                        + "'+cmd,0,1,\r\n");
    }

    @Test
    void xlsxKeepsNumbersNumericAndTextAsText() throws Exception {
        Report report = new Report(
                new ReportQuery(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), null, null),
                Instant.parse("2026-06-01T00:00:00Z"),
                List.of(
                        new ReportFigure("demo", "count", "Count", 7L),
                        new ReportFigure("demo", "median", "Median", null)),
                List.of(new Report.Part(TABLE, null)));
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(XlsxRenderer.render(report)))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("summary");
            assertThat(workbook.getSheetName(1)).isEqualTo("demo");
            Sheet summary = workbook.getSheetAt(0);
            assertThat(summary.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(7.0);
            assertThat(summary.getRow(4).getCell(2)).isNull();
            Sheet sheet = workbook.getSheetAt(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .contains("2026-01-01")
                    .contains("2026-12-31");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Count");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("제주, \"스마트\" 팜");
            assertThat(sheet.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(0.25);
            assertThat(sheet.getRow(3).getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(sheet.getRow(4).getCell(0).getCellType())
                    .as("never a formula")
                    .isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("=1+2");
            assertThat(sheet.getColumnWidth(0)).isGreaterThan(10 * 256);
        }
    }

    /** Issue 12: the workbook prints as a document, and numbers show their unit while keeping their exact value. */
    @Test
    void xlsxPrintsLandscapeOnePageWideWithHeadersOnEveryPageAndUnits() throws Exception {
        ReportTable usage = new ReportTable(
                "usage",
                "사용량 Usage",
                null,
                List.of(
                        ReportColumn.text("name", "기관 Organization"),
                        ReportColumn.integer("streamBytes", "Bytes streamed"),
                        ReportColumn.decimal("gpuHours", "GPU-hours"),
                        ReportColumn.decimal("utilisation", "Utilisation"),
                        ReportColumn.integer("bookings", "Bookings")),
                List.of(Arrays.asList(
                        "제주 스마트팜 데이터 협동조합",
                        19_228_568_584_192L,
                        new BigDecimal("2598.827787"),
                        new BigDecimal("0.4"),
                        12L)));
        Report report = new Report(
                new ReportQuery(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), null, null),
                Instant.parse("2026-06-01T00:00:00Z"),
                List.of(new ReportFigure("usage", "quotaBytes", "Quota bytes", 19_228_568_584_192L)),
                List.of(new Report.Part(usage, null)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(XlsxRenderer.render(report)))) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                String name = sheet.getSheetName();
                assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
                assertThat(sheet.getPrintSetup().getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getFitToPage()).as(name).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isZero();
                assertThat(sheet.getRepeatingRows().formatAsString()).as(name).isEqualTo("1:3");
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                        .as(name)
                        .isEqualTo((short) 3);
                assertThat(sheet.getFooter().getRight()).as(name).contains("&P");
            }
            XSSFSheet sheet = workbook.getSheet("usage");
            Row row = sheet.getRow(3);
            assertThat(row.getCell(1).getNumericCellValue())
                    .as("the exact bytes")
                    .isEqualTo(19_228_568_584_192.0);
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).contains("\" GB\"");
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).contains("\" h\"");
            assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(row.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            DataFormatter shown = new DataFormatter(Locale.ROOT);
            assertThat(shown.formatCellValue(row.getCell(1))).isEqualTo("19,228.57 GB");
            assertThat(shown.formatCellValue(row.getCell(2))).isEqualTo("2,598.8 h");
            assertThat(shown.formatCellValue(row.getCell(3))).isEqualTo("40.0%");
            // Hangul is twice as wide as Latin: the column fits the Korean name
            // 13 Hangul syllables and 3 spaces: 29 columns wide, not 16
            assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(29 * 256);
            XSSFSheet summary = workbook.getSheet("summary");
            assertThat(shown.formatCellValue(summary.getRow(3).getCell(2))).isEqualTo("19,228.57 GB");
            assertThat(summary.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Quota bytes");
        }
    }

    /** Issue 12: with lang=ko the workbook's titles are Korean; sheets keep the sections' ids for scripts. */
    @Test
    void xlsxInKoreanTitlesSheetsColumnsAndFigures() throws Exception {
        ReportTable downloads = new ReportTable(
                "downloads",
                "Downloads by access path",
                null,
                List.of(ReportColumn.integer("streamBytes", "Bytes streamed (REST)")),
                List.<List<Object>>of(Arrays.asList(1_000_000L)));
        Report report = new Report(
                new ReportQuery(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), null, null),
                Instant.parse("2026-06-01T00:00:00Z"),
                List.of(new ReportFigure("downloads", "streamBytes", "Bytes streamed (REST)", 1_000_000L)),
                List.of(new Report.Part(downloads, null)));
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(XlsxRenderer.render(report, ReportLanguage.KO)))) {
            assertThat(workbook.getSheetName(1)).isEqualTo("downloads");
            XSSFSheet sheet = workbook.getSheet("downloads");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("접근 경로별 다운로드");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .contains("보고 기간 2026-01-01 ~ 2026-12-31")
                    .contains("365일");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("스트리밍 전송량(REST)");
            XSSFSheet summary = workbook.getSheet("summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).contains("주요 지표 요약");
            assertThat(summary.getRow(2).getCell(1).getStringCellValue()).isEqualTo("지표");
            assertThat(summary.getRow(3).getCell(1).getStringCellValue()).isEqualTo("스트리밍 전송량(REST)");
        }
    }

    /** Issue 12: the whole report as CSV is a ZIP of one CSV per table, each as the section's CSV would be. */
    @Test
    void aZipHoldsTheSummaryAndEverySectionAsCsv() throws Exception {
        Report report = new Report(
                new ReportQuery(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), null, null),
                Instant.parse("2026-06-01T00:00:00Z"),
                List.of(new ReportFigure("demo", "count", "Count", 7L)),
                List.of(new Report.Part(TABLE, "not grouped: demo has no such dimension")));
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(ZipRenderer.render(report)))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("summary.csv", "01-demo.csv");
        assertThat(entries.get("01-demo.csv")).isEqualTo(CsvRenderer.render(TABLE));
        String summary = new String(entries.get("summary.csv"), StandardCharsets.UTF_8);
        assertThat(summary)
                .startsWith("\uFEFFsection,figure,title,value,note\r\n")
                .contains("demo,count,Count,7,\r\n")
                .contains("not grouped: demo has no such dimension");
    }

    @Test
    void formatParameterWinsThenAcceptDecides() {
        List<MediaType> xlsx = List.of(MediaType.valueOf(ReportFormat.XLSX_TYPE));
        assertThat(ReportFormat.choose("CSV", xlsx)).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.choose(null, xlsx)).isEqualTo(ReportFormat.XLSX);
        assertThat(ReportFormat.choose(null, List.of())).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.choose(null, List.of(MediaType.WILDCARD_TYPE))).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.choose(null, List.of(MediaType.valueOf("text/*"))))
                .isEqualTo(ReportFormat.CSV);
        assertThatThrownBy(() -> ReportFormat.choose(null, List.of(MediaType.valueOf("image/png"))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_ACCEPTABLE));
        assertThatThrownBy(() -> ReportFormat.choose("docx", xlsx))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void queryParametersAreCheckedTogether() {
        assertThatThrownBy(() -> ReportService.query("2026-02-30", null, "WEEK", "CACHE"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactlyInAnyOrder("from", "to", "groupBy", "source"));
        ReportQuery query = ReportService.query("2026-01-01", "2026-01-31", "month", null);
        assertThat(query.groupBy()).isEqualTo(ReportDimension.MONTH);
        assertThat(query.source()).isEqualTo(ReportSource.ROLLUP);
    }
}
