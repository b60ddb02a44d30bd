package io.labgate.report.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.labgate.platform.time.LabTime;
import io.labgate.report.Report;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportPeriod;
import io.labgate.report.ReportSource;
import io.labgate.report.ReportTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON form of a report. Rows are objects keyed by the columns' keys; numbers are JSON numbers, dates ISO
 * strings, an empty cell {@code null}.
 */
public final class JsonReport {

    private JsonReport() {}

    @Schema(name = "ReportPeriod")
    public record Period(
            @Schema(example = "2026-01-01") LocalDate from,
            @Schema(example = "2026-12-31") LocalDate to,
            @Schema(example = "Asia/Seoul") String zone) {

        static Period of(ReportPeriod period) {
            return new Period(period.from(), period.to(), LabTime.ZONE.getId());
        }
    }

    @Schema(name = "ReportSectionTable")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Section(
            @Schema(example = "requests") String section,
            String title,

            @Schema(description = "What the rows are grouped by; null when not grouped")
            ReportDimension groupedBy,

            @Schema(description = "Why the section is not grouped as asked (full report only)")
            String note,

            List<ReportColumn> columns,

            @Schema(description = "One object per row, keyed by the columns' keys")
            List<Map<String, Object>> rows) {}

    @Schema(name = "Report")
    public record Full(
            Period period,
            ReportDimension groupBy,
            ReportSource source,
            Instant generatedAt,
            List<ReportFigure> summary,
            List<Section> sections) {}

    @Schema(name = "ReportSection")
    public record Single(
            Period period,
            ReportDimension groupBy,
            ReportSource source,
            Instant generatedAt,
            List<ReportFigure> summary,
            Section section) {}

    public static Full full(Report report) {
        return new Full(
                Period.of(report.query().period()),
                report.query().groupBy(),
                report.query().source(),
                report.generatedAt(),
                report.summary(),
                report.sections().stream().map(JsonReport::section).toList());
    }

    public static Single single(Report report) {
        return new Single(
                Period.of(report.query().period()),
                report.query().groupBy(),
                report.query().source(),
                report.generatedAt(),
                report.summary(),
                section(report.sections().get(0)));
    }

    static Section section(Report.Part part) {
        ReportTable table = part.table();
        List<Map<String, Object>> rows = table.rows().stream()
                .map(row -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    for (int i = 0; i < table.columns().size(); i++) {
                        Object cell = row.get(i);
                        object.put(
                                table.columns().get(i).key(), cell instanceof LocalDate date ? date.toString() : cell);
                    }
                    return object;
                })
                .toList();
        return new Section(table.section(), table.title(), table.groupedBy(), part.note(), table.columns(), rows);
    }
}
