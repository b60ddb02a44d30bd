package io.labgate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One section of a report as a table: what the renderers (JSON, CSV, XLSX) turn into an array of objects, a CSV
 * file or a sheet. Cells are {@code String}, {@code Long}, {@code java.math.BigDecimal},
 * {@code java.time.LocalDate} or {@code null}, in the order of the columns.
 *
 * @param section   the section's id, e.g. {@code downloads}
 * @param title     what the section is, for people
 * @param groupedBy what the rows are grouped by, {@code null} when the section was not grouped
 */
public record ReportTable(
        String section, String title, ReportDimension groupedBy, List<ReportColumn> columns, List<List<Object>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        section + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
        rows = List.copyOf(
                rows.stream().map(java.util.Collections::unmodifiableList).toList());
    }

    /**
     * The summary figures of an ungrouped table that starts with the group's key and name and has one row, the
     * Total: every other column becomes a figure with the column's key and title.
     */
    public List<ReportFigure> totalFigures() {
        if (rows.size() != 1
                || columns.size() < 2
                || !"group".equals(columns.get(0).key())
                || !"groupName".equals(columns.get(1).key())) {
            throw new IllegalStateException(section + ": not an ungrouped table with one Total row");
        }
        List<ReportFigure> figures = new ArrayList<>();
        for (int i = 2; i < columns.size(); i++) {
            figures.add(new ReportFigure(
                    section,
                    columns.get(i).key(),
                    columns.get(i).title(),
                    rows.get(0).get(i)));
        }
        return figures;
    }
}
