package io.labgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.report.render.CsvRenderer;
import io.labgate.report.render.XlsxRenderer;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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
