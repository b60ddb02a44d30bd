package io.labgate.report.render;

import io.labgate.platform.time.LabTime;
import io.labgate.report.Report;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportLabels;
import io.labgate.report.ReportLanguage;
import io.labgate.report.ReportPeriod;
import io.labgate.report.ReportTable;
import io.labgate.report.ReportUnits;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The operation report as a PDF document for the agency (Apache PDFBox): a cover, one page of the summary figures
 * in human units, then each section with its chart and its table. Labels are Korean or English
 * ({@link ReportLabels}); the Korean font is embedded as a subset ({@link PdfFonts}). Layout primitives are in
 * {@link PdfDocumentWriter}, tables in {@link PdfTable}, charts in {@link ReportCharts} and {@link CoverageMatrix}.
 */
public final class PdfRenderer {

    private static final Color RULE = new Color(0xe1, 0xe5, 0xe9);

    /** Rows of one section printed at most: the XLSX has them all. */
    static final int MAX_ROWS = 400;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'KST'");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final float CHART_HEIGHT = 210f;
    /** The summary's type, in two columns: its sixty-odd figures fit one page. */
    private static final float SUMMARY_SIZE = 8.5f;

    private static final float SUMMARY_LEADING = 11.4f;
    private static final float SUMMARY_GUTTER = 18f;

    private PdfRenderer() {}

    /**
     * @param generatedBy who asked for the report (the caller's user name), printed on the cover
     */
    public static byte[] render(Report report, ReportLanguage language, String generatedBy) {
        ReportLabels labels = ReportLabels.of(language);
        try (PDDocument document = new PDDocument()) {
            describe(document, report, labels, generatedBy);
            PdfDocumentWriter w = new PdfDocumentWriter(document, PdfFonts.load(document));
            cover(w, report, labels, generatedBy);
            summary(w, report, labels);
            for (Report.Part part : report.sections()) {
                section(w, report, part, labels);
            }
            ReportPeriod period = report.query().period();
            w.footers(
                    labels.text("footer", period.from().toString(), period.to().toString()),
                    (page, of) -> labels.text("page", String.valueOf(page), String.valueOf(of)));
            return w.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void describe(PDDocument document, Report report, ReportLabels labels, String generatedBy) {
        PDDocumentInformation info = document.getDocumentInformation();
        ReportPeriod period = report.query().period();
        info.setTitle(labels.text("lab") + " " + labels.text("title") + " " + period.from() + " – " + period.to());
        info.setAuthor(generatedBy);
        info.setCreator("LabGate");
        Calendar created = GregorianCalendar.from(report.generatedAt().atZone(LabTime.ZONE));
        created.setTimeZone(TimeZone.getTimeZone(LabTime.ZONE));
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage(labels.language().code());
    }

    private static void cover(PdfDocumentWriter w, Report report, ReportLabels labels, String generatedBy)
            throws IOException {
        PdfFonts f = w.fonts();
        w.newPage(false);
        w.down(150);
        w.paragraph(labels.text("lab"), f.bold, 28, PdfDocumentWriter.ACCENT);
        w.down(4);
        w.paragraph(labels.text("title"), f.bold, 22, PdfDocumentWriter.TEXT);
        w.down(8);
        w.paragraph(labels.text("programme"), f.regular, 12, PdfDocumentWriter.MUTED);
        w.down(40);
        ReportPeriod period = report.query().period();
        ReportDimension groupBy = report.query().groupBy();
        String[][] facts = {
            {
                labels.text("period"),
                labels.text(
                        "periodValue", period.from().toString(), period.to().toString(), String.valueOf(period.days()))
            },
            {labels.text("generatedAt"), GENERATED.format(report.generatedAt().atZone(LabTime.ZONE))},
            {labels.text("generatedBy"), generatedBy},
            {
                labels.text("groupBy"),
                groupBy == null ? labels.text("notGrouped") : labels.text("dimension." + groupBy.name())
            },
            {
                labels.text("source"),
                labels.text("source" + report.query().source().name())
            }
        };
        for (String[] fact : facts) {
            w.need(18);
            w.text(fact[0], f.bold, 10, w.left(), w.y() - 10, PdfDocumentWriter.MUTED);
            w.text(fact[1], f.regular, 10, w.left() + 110, w.y() - 10, PdfDocumentWriter.TEXT);
            w.down(18);
        }
        w.down(30);
        w.paragraph(labels.text("contents"), f.bold, 11, PdfDocumentWriter.ACCENT);
        w.down(4);
        int n = 1;
        for (Report.Part part : report.sections()) {
            ReportTable table = part.table();
            w.paragraph(
                    n++ + ". " + labels.section(table.section(), table.title()), f.regular, 9, PdfDocumentWriter.TEXT);
        }
    }

    /**
     * The summary figures, by section, one figure a line: its title, and its value in a human unit. Two columns, a
     * section never split: the left one is filled first, then the right one, so that every figure fits one page.
     */
    private static void summary(PdfDocumentWriter w, Report report, ReportLabels labels) throws IOException {
        PdfFonts f = w.fonts();
        w.newPage(false);
        w.paragraph(labels.text("summary"), f.bold, 16, PdfDocumentWriter.ACCENT);
        w.paragraph(labels.text("summaryNote"), f.regular, 8, PdfDocumentWriter.MUTED);
        w.down(6);
        ReportUnits units = labels.units();
        float top = w.y();
        float column = (w.width() - SUMMARY_GUTTER) / 2;
        float x = w.left();
        for (List<ReportFigure> section : bySection(report.summary())) {
            List<String> heading = w.wrap(sectionTitle(report, section.get(0).section(), labels), f.bold, 9f, column);
            List<SummaryLine> lines = new ArrayList<>();
            float height = 4 + heading.size() * 9f * 1.35f;
            for (ReportFigure figure : section) {
                String value = units.format(figure.key(), figure.value());
                float valueWidth = w.textWidth(value, f.bold, SUMMARY_SIZE);
                List<String> title = w.wrap(
                        labels.figure(figure.section(), figure.key(), figure.title()),
                        f.regular,
                        SUMMARY_SIZE,
                        column - valueWidth - 16);
                lines.add(new SummaryLine(value, valueWidth, title));
                height += title.size() * SUMMARY_LEADING + 1.5f;
            }
            if (w.room() < height) {
                if (x == w.left()) {
                    x = w.left() + column + SUMMARY_GUTTER;
                } else {
                    w.newPage(false);
                    top = w.y();
                    x = w.left();
                }
                w.moveTo(top);
            }
            w.down(4);
            for (String line : heading) {
                w.text(line, f.bold, 9f, x, w.y() - 9f, PdfDocumentWriter.ACCENT);
                w.down(9f * 1.35f);
            }
            float right = x + column;
            for (SummaryLine line : lines) {
                float lineHeight = line.title().size() * SUMMARY_LEADING + 1.5f;
                float baseline = w.y() - SUMMARY_SIZE;
                w.text(line.value(), f.bold, SUMMARY_SIZE, right - line.valueWidth(), baseline, PdfDocumentWriter.TEXT);
                for (String titleLine : line.title()) {
                    w.text(titleLine, f.regular, SUMMARY_SIZE, x + 8, baseline, PdfDocumentWriter.TEXT);
                    baseline -= SUMMARY_LEADING;
                }
                w.down(lineHeight);
                w.line(x + 8, w.y() + 1, right, w.y() + 1, RULE, 0.3f);
            }
        }
    }

    /** One summary figure as set: its value, the value's width, the title's lines. */
    private record SummaryLine(String value, float valueWidth, List<String> title) {}

    /** The figures in runs of one section each, in the report's order. */
    private static List<List<ReportFigure>> bySection(List<ReportFigure> figures) {
        List<List<ReportFigure>> sections = new ArrayList<>();
        for (ReportFigure figure : figures) {
            if (sections.isEmpty()
                    || !sections.get(sections.size() - 1).get(0).section().equals(figure.section())) {
                sections.add(new ArrayList<>());
            }
            sections.get(sections.size() - 1).add(figure);
        }
        return sections;
    }

    private static String sectionTitle(Report report, String id, ReportLabels labels) {
        return report.sections().stream()
                .filter(p -> p.table().section().equals(id))
                .findFirst()
                .map(p -> labels.section(id, p.table().title()))
                .orElse(labels.section(id, id));
    }

    private static void section(PdfDocumentWriter w, Report report, Report.Part part, ReportLabels labels)
            throws IOException {
        PdfFonts f = w.fonts();
        ReportTable table = part.table();
        List<Integer> shown = new ArrayList<>();
        List<String> constants = new ArrayList<>();
        columns(table, labels, shown, constants);
        List<List<Object>> rows = table.rows().size() > MAX_ROWS ? table.rows().subList(0, MAX_ROWS) : table.rows();
        PdfTable pdfTable = pdfTable(table, rows, shown, labels);
        PdfTable.Layout layout = pdfTable.layout(w);
        boolean landscape = layout.landscape() && !table.rows().isEmpty(); // an empty table is one line
        w.newPage(landscape);
        w.paragraph(labels.section(table.section(), table.title()), f.bold, 14, PdfDocumentWriter.ACCENT);
        w.down(2);
        if (table.groupedBy() != null) {
            line(
                    w,
                    labels.text("groupBy") + ": "
                            + labels.text("dimension." + table.groupedBy().name()));
        }
        if (part.note() != null && report.query().groupBy() != null) {
            line(
                    w,
                    labels.text(
                            "notGroupedNote",
                            labels.text("dimension." + report.query().groupBy().name())));
        }
        for (String constant : constants) {
            line(w, constant);
        }
        w.down(6);
        if (table.section().equals("coverage")) {
            w.paragraph(labels.text("chart.coverage"), f.bold, 9.5f, PdfDocumentWriter.TEXT);
            w.down(4);
            CoverageMatrix.draw(w, table, labels);
            w.down(8);
        } else {
            Optional<ReportCharts.Titled> chart = ReportCharts.of(report, part, labels);
            if (chart.isPresent()) {
                w.need(CHART_HEIGHT + 16);
                w.paragraph(chart.get().title(), f.bold, 9.5f, PdfDocumentWriter.TEXT);
                w.chart(chart.get().chart(), landscape ? CHART_HEIGHT - 30 : CHART_HEIGHT);
                w.down(12);
            }
        }
        if (table.rows().isEmpty()) {
            line(w, labels.text("noRows"));
            return;
        }
        pdfTable.draw(w, layout);
        if (rows.size() < table.rows().size()) {
            line(
                    w,
                    labels.text(
                            "moreRows",
                            String.valueOf(rows.size()),
                            String.valueOf(table.rows().size())));
        }
    }

    private static void line(PdfDocumentWriter w, String text) throws IOException {
        w.paragraph(text, w.fonts().regular, 8.5f, PdfDocumentWriter.MUTED);
    }

    /**
     * Which columns the PDF prints: not identifiers (UUIDs: the names are there), not empty ones, not a group key
     * that repeats the group's name; a text column with one value in every row is said once above the table.
     */
    static void columns(ReportTable table, ReportLabels labels, List<Integer> shown, List<String> constants) {
        for (int c = 0; c < table.columns().size(); c++) {
            ReportColumn column = table.columns().get(c);
            boolean blank = true;
            boolean ids = true;
            boolean sameAsName = column.key().equals("group");
            Set<Object> values = new HashSet<>();
            for (List<Object> row : table.rows()) {
                Object value = row.get(c);
                values.add(value);
                String text = value == null ? "" : value.toString();
                blank &= text.isBlank();
                ids &= text.isBlank() || UUID.matcher(text).matches();
                sameAsName &= text.isBlank() || text.equals(row.get(1));
            }
            if (table.rows().isEmpty()) {
                shown.add(c);
            } else if (blank || ids || sameAsName) {
                continue;
            } else if (column.type() == ReportColumn.Type.TEXT && table.rows().size() > 1 && values.size() == 1) {
                constants.add(labels.column(table.section(), column.key(), column.title()) + ": "
                        + text(table.rows().get(0).get(c), labels));
            } else {
                shown.add(c);
            }
        }
    }

    private static PdfTable pdfTable(
            ReportTable table, List<List<Object>> rows, List<Integer> shown, ReportLabels labels) {
        List<String> headers = new ArrayList<>();
        boolean[] numeric = new boolean[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            ReportColumn column = table.columns().get(shown.get(i));
            headers.add(labels.column(table.section(), column.key(), column.title()));
            numeric[i] = column.type() == ReportColumn.Type.INTEGER || column.type() == ReportColumn.Type.DECIMAL;
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> line = new ArrayList<>();
            for (int c : shown) {
                ReportColumn column = table.columns().get(c);
                Object value = row.get(c);
                line.add(
                        column.type() == ReportColumn.Type.TEXT || column.type() == ReportColumn.Type.DATE
                                ? text(value, labels)
                                : labels.units().format(column.key(), value));
            }
            cells.add(line);
        }
        return new PdfTable(headers, numeric, cells);
    }

    /** A text cell: the report's own words ({@code Total}, {@code true}, …) in the language, the rest as it is. */
    private static String text(Object value, ReportLabels labels) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return switch (text) {
            case "Total", "true", "false" -> labels.text(text);
            case "(unknown)" -> labels.text("unknown");
            default -> text;
        };
    }
}
