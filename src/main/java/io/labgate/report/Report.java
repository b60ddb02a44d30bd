package io.labgate.report;

import java.time.Instant;
import java.util.List;

/**
 * A computed report, ready for a renderer: the query, when it was made, the headline figures and the sections'
 * tables in order. A single-section report has one section and that section's figures.
 */
public record Report(ReportQuery query, Instant generatedAt, List<ReportFigure> summary, List<Part> sections) {

    public Report {
        summary = List.copyOf(summary);
        sections = List.copyOf(sections);
    }

    /**
     * One section's table, with a note when the section could not be grouped as asked (the full report then
     * gives it ungrouped), else {@code null}.
     */
    public record Part(ReportTable table, String note) {}

    /** The file name for a download: {@code labgate-report-<what>-<from>-<to>.<extension>}. */
    public String fileName(String what, ReportFormat format) {
        return "labgate-report-" + what + "-" + query.period().from() + "-"
                + query.period().to() + "." + format.extension();
    }
}
