package io.labgate.report.render;

import io.labgate.report.Report;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportLabels;
import io.labgate.report.ReportTable;
import io.labgate.report.ReportUnits;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The charts of the PDF report (JFreeChart), where a picture says more than the table: bytes delivered per access
 * path and GPU-hours booked (per month when grouped by month), the requests funnel, refusals by reason and
 * utilisation per server. The coverage matrix is a heat table ({@link CoverageMatrix}), not a chart.
 */
final class ReportCharts {

    /** A chart and the title printed above it (in the PDF's own font, not in the chart). */
    record Titled(String title, JFreeChart chart) {}

    private static final int MAX_CATEGORIES = 24;
    private static final Color[] SERIES = {
        new Color(0x1f, 0x4e, 0x79),
        new Color(0x4a, 0x90, 0xc2),
        new Color(0xa9, 0xc8, 0xe4),
        new Color(0xc0, 0x50, 0x4d)
    };

    private ReportCharts() {}

    /** The chart for a section of the report, if it has one and something to show. */
    static Optional<Titled> of(Report report, Report.Part part, ReportLabels labels) {
        ReportTable table = part.table();
        if (table.rows().isEmpty() && !table.section().equals("requests")) {
            return Optional.empty();
        }
        return switch (table.section()) {
            case "downloads" -> Optional.of(new Titled(labels.text("chart.downloads"), downloads(table, labels)));
            case "bookings" -> Optional.of(new Titled(labels.text("chart.bookings"), bookings(table, labels)));
            case "requests" -> Optional.of(new Titled(labels.text("chart.funnel"), funnel(report, labels)));
            case "refusals" -> Optional.of(new Titled(labels.text("chart.refusals"), refusals(table, labels)));
            case "server-utilisation" ->
                table.groupedBy() == null
                        ? Optional.of(new Titled(labels.text("chart.utilisation"), utilisation(table, labels)))
                        : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Bytes per path and group (month, organization …), in the binary unit of the largest value. */
    static JFreeChart downloads(ReportTable table, ReportLabels labels) {
        ReportUnits units = labels.units();
        long max = 0;
        for (List<Object> row : table.rows()) {
            for (String key : List.of("streamBytes", "s3Bytes", "cutBytes", "linkBytesOffered")) {
                max = Math.max(max, (Long) cell(table, row, key));
            }
        }
        String unit = units.bytesUnitFor(max);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (List<Object> row : limit(table.rows())) {
            String group = group(table, row, labels);
            data.addValue(
                    units.inUnit((Long) cell(table, row, "streamBytes"), unit), labels.text("path.stream"), group);
            data.addValue(units.inUnit((Long) cell(table, row, "s3Bytes"), unit), labels.text("path.s3"), group);
            data.addValue(units.inUnit((Long) cell(table, row, "cutBytes"), unit), labels.text("path.cut"), group);
            data.addValue(
                    units.inUnit((Long) cell(table, row, "linkBytesOffered"), unit), labels.text("path.link"), group);
        }
        return bar(data, unit, PlotOrientation.VERTICAL, true, "#,##0.#");
    }

    /** GPU-hours per month (all organizations) when grouped by month, else per organization. */
    static JFreeChart bookings(ReportTable table, ReportLabels labels) {
        boolean monthly = table.columns().get(0).key().equals("month");
        Map<String, Double> hours = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            String key = (String) cell(table, row, monthly ? "month" : "organization");
            hours.merge(key, number(cell(table, row, "gpuHours")), Double::sum);
        }
        return single(
                hours,
                labels.figure("bookings", "gpuHours", "GPU-hours"),
                labels.units().hoursUnit(),
                true);
    }

    /** Received, then how they were decided, from the summary figures of the requests section. */
    static JFreeChart funnel(Report report, ReportLabels labels) {
        Map<String, Double> steps = new LinkedHashMap<>();
        for (String key : List.of("requestsReceived", "requestsApproved", "requestsRejected", "requestsWithdrawn")) {
            for (ReportFigure figure : report.summary()) {
                if (figure.section().equals("requests") && figure.key().equals(key)) {
                    steps.put(labels.figure("requests", key, figure.title()), number(figure.value()));
                }
            }
        }
        return single(steps, labels.text("count"), labels.text("count"), false);
    }

    /** Refusals per reason over all groups, most frequent first. */
    static JFreeChart refusals(ReportTable table, ReportLabels labels) {
        Map<String, Double> reasons = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            reasons.merge((String) cell(table, row, "reason"), number(cell(table, row, "refusals")), Double::sum);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_CATEGORIES)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return single(sorted, labels.text("count"), labels.text("count"), false);
    }

    /** Utilisation per server, in percent. */
    static JFreeChart utilisation(ReportTable table, ReportLabels labels) {
        Map<String, Double> servers = new LinkedHashMap<>();
        for (List<Object> row : limit(table.rows())) {
            Object ratio = cell(table, row, "utilisation");
            servers.put((String) cell(table, row, "hostname"), ratio == null ? 0 : number(ratio) * 100);
        }
        return single(servers, labels.text("percent"), labels.text("percent"), true);
    }

    private static JFreeChart single(Map<String, Double> values, String series, String axis, boolean vertical) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((category, value) -> data.addValue(value, series, category));
        return bar(data, axis, vertical ? PlotOrientation.VERTICAL : PlotOrientation.HORIZONTAL, false, "#,##0.#");
    }

    private static JFreeChart bar(
            DefaultCategoryDataset data, String axis, PlotOrientation orientation, boolean legend, String format) {
        JFreeChart chart = ChartFactory.createBarChart(null, null, axis, data, orientation, legend, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xd0, 0xd0, 0xd0));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setInsets(new RectangleInsets(4, 4, 4, 12));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        for (int i = 0; i < SERIES.length; i++) {
            renderer.setSeriesPaint(i, SERIES[i]);
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(
                "{2}", new DecimalFormat(format, DecimalFormatSymbols.getInstance(Locale.ROOT))));
        // values on the bars while they stay readable; the axis has room above the highest one
        renderer.setDefaultItemLabelsVisible(data.getColumnCount() * data.getRowCount() <= 16);
        plot.getRangeAxis().setUpperMargin(0.12);
        renderer.setDefaultItemLabelFont(PdfFonts.awt().deriveFont(7f));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setMaximumCategoryLabelLines(2);
        if (orientation == PlotOrientation.VERTICAL && data.getColumnCount() > 6) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    private static StandardChartTheme theme() {
        Font font = PdfFonts.awt();
        StandardChartTheme theme = new StandardChartTheme("labgate");
        theme.setExtraLargeFont(font.deriveFont(11f));
        theme.setLargeFont(font.deriveFont(9f));
        theme.setRegularFont(font.deriveFont(8f));
        theme.setSmallFont(font.deriveFont(7f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    private static String group(ReportTable table, List<Object> row, ReportLabels labels) {
        Object name = cell(table, row, "groupName");
        return "Total".equals(name) ? labels.text("Total") : String.valueOf(name);
    }

    private static List<List<Object>> limit(List<List<Object>> rows) {
        return rows.size() <= MAX_CATEGORIES ? rows : rows.subList(0, MAX_CATEGORIES);
    }

    static Object cell(ReportTable table, List<Object> row, String key) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).key().equals(key)) {
                return row.get(i);
            }
        }
        throw new IllegalArgumentException(table.section() + " has no column " + key);
    }

    private static double number(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        return value == null ? 0 : ((BigDecimal) value).doubleValue();
    }
}
