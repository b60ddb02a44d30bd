package io.labgate.report;

/**
 * What a report is asked for: its period, what rows are grouped by ({@code null}: one total row, or the
 * section's natural rows), and where usage figures come from.
 */
public record ReportQuery(ReportPeriod period, ReportDimension groupBy, ReportSource source) {

    public ReportQuery {
        if (period == null) {
            throw new IllegalArgumentException("a report needs a period");
        }
        source = source == null ? ReportSource.ROLLUP : source;
    }

    /** The same query grouped differently. */
    public ReportQuery groupedBy(ReportDimension dimension) {
        return new ReportQuery(period, dimension, source);
    }
}
