package io.labgate.report.render;

import io.labgate.report.Report;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A whole report as a ZIP of CSV files, one table each (a CSV holds one table): {@code summary.csv} with the
 * headline figures, then {@code <nn>-<section>.csv} in report order, each as {@link CsvRenderer} writes it (UTF-8
 * with BOM). A section that could not be grouped as asked says so in {@code summary.csv}'s notes.
 */
public final class ZipRenderer {

    private ZipRenderer() {}

    public static byte[] render(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "summary.csv", CsvRenderer.render(summary(report)));
            int n = 1;
            for (Report.Part part : report.sections()) {
                add(zip, String.format("%02d-%s.csv", n++, part.table().section()), CsvRenderer.render(part.table()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The summary figures, and each section's note, as one table. */
    static ReportTable summary(Report report) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportFigure figure : report.summary()) {
            rows.add(Arrays.asList(figure.section(), figure.key(), figure.title(), figure.value(), null));
        }
        for (Report.Part part : report.sections()) {
            if (part.note() != null) {
                rows.add(
                        Arrays.asList(part.table().section(), null, part.table().title(), null, part.note()));
            }
        }
        return new ReportTable(
                "summary",
                "Summary",
                null,
                List.of(
                        ReportColumn.text("section", "Section"),
                        ReportColumn.text("figure", "Figure"),
                        ReportColumn.text("title", "Title"),
                        ReportColumn.decimal("value", "Value"),
                        ReportColumn.text("note", "Note")),
                rows);
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
