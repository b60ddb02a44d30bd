package io.labgate.report;

import java.util.List;
import java.util.Set;

/**
 * One section of the operation report. Implementations are {@code @ApplicationScoped} beans; the report
 * collects them all and orders them by {@link #order()}.
 */
public interface ReportSection {

    /** Stable id, used in URLs ({@code /api/v1/reports/{id}}), as the CSV file name and the XLSX sheet name. */
    String id();

    /** What the section reports, for people. */
    String title();

    /** Position in the full report and its XLSX workbook. */
    int order();

    /** The dimensions this section can be grouped by. */
    Set<ReportDimension> dimensions();

    /**
     * Computes the table. When {@code query.groupBy()} is {@code null} the section gives its ungrouped rows
     * (one total row, or its natural rows such as one per refusal reason). The caller has checked that the
     * dimension, if any, is one of {@link #dimensions()}.
     */
    ReportTable compute(ReportQuery query);

    /** The section's headline figures for the summary sheet, over the whole period. */
    List<ReportFigure> summary(ReportQuery query);
}
