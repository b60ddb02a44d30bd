package io.labgate.report.render;

import io.labgate.report.ReportLabels;
import io.labgate.report.ReportTable;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The programme coverage as a heat table: a row per industry, a column per AI technology, each cell "published
 * datasets / providers", green when the pair meets the target (two providers or more), amber when it has a
 * published dataset, grey when none. The programme's 2 industries × 5 technologies read at a glance.
 */
final class CoverageMatrix {

    static final Color MET = new Color(0x8f, 0xcf, 0x9a);
    static final Color COVERED = new Color(0xf6, 0xd3, 0x8b);
    static final Color EMPTY = new Color(0xe6, 0xe8, 0xea);

    private static final float LABEL_WIDTH = 110f;
    private static final float ROW = 20f;
    private static final float SIZE = 7.5f;

    private CoverageMatrix() {}

    static void draw(PdfDocumentWriter w, ReportTable table, ReportLabels labels) throws IOException {
        Map<String, String> industries = new LinkedHashMap<>();
        Map<String, String> technologies = new LinkedHashMap<>();
        Map<String, List<Object>> cells = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            String industry = (String) ReportCharts.cell(table, row, "industryCode");
            String technology = (String) ReportCharts.cell(table, row, "aiTechnologyCode");
            industries.put(industry, (String) ReportCharts.cell(table, row, "industry"));
            technologies.put(technology, (String) ReportCharts.cell(table, row, "aiTechnology"));
            cells.put(industry + "\n" + technology, row);
        }
        if (cells.isEmpty()) {
            return;
        }
        float cellWidth = Math.min(90f, (w.width() - LABEL_WIDTH) / technologies.size());
        float headerHeight = header(w, technologies, cellWidth, false);
        w.need(headerHeight + ROW * Math.min(industries.size(), 3) + ROW);
        header(w, technologies, cellWidth, true);
        for (Map.Entry<String, String> industry : industries.entrySet()) {
            w.need(ROW);
            float top = w.y();
            w.rectangle(w.left(), top - ROW, LABEL_WIDTH, ROW, null, PdfDocumentWriter.MUTED);
            label(w, industry.getValue(), w.left(), top);
            float x = w.left() + LABEL_WIDTH;
            for (String technology : technologies.keySet()) {
                List<Object> row = cells.get(industry.getKey() + "\n" + technology);
                String text = "";
                Color fill = EMPTY;
                if (row != null) {
                    long datasets = (Long) ReportCharts.cell(table, row, "publishedDatasets");
                    long providers = (Long) ReportCharts.cell(table, row, "providers");
                    text = datasets + " / " + providers;
                    boolean met = "true".equals(ReportCharts.cell(table, row, "meetsProgrammeTarget"));
                    fill = met ? MET : datasets > 0 ? COVERED : EMPTY;
                }
                w.rectangle(x, top - ROW, cellWidth, ROW, fill, PdfDocumentWriter.MUTED);
                float textWidth = w.textWidth(text, w.fonts().bold, SIZE + 1);
                w.text(text, w.fonts().bold, SIZE + 1, x + (cellWidth - textWidth) / 2, top - ROW / 2 - 3, TEXT);
                x += cellWidth;
            }
            w.down(ROW);
        }
        w.down(6);
        legend(w, labels);
    }

    private static final Color TEXT = PdfDocumentWriter.TEXT;

    private static float header(PdfDocumentWriter w, Map<String, String> technologies, float cellWidth, boolean draw)
            throws IOException {
        int lines = 1;
        List<List<String>> names = new ArrayList<>();
        for (String name : technologies.values()) {
            List<String> wrapped = w.wrap(name, w.fonts().bold, SIZE, cellWidth - 4);
            names.add(wrapped);
            lines = Math.max(lines, wrapped.size());
        }
        float height = lines * SIZE * 1.3f + 6;
        if (draw) {
            float x = w.left() + LABEL_WIDTH;
            for (List<String> name : names) {
                float baseline = w.y() - 3 - SIZE;
                for (String line : name) {
                    float lineWidth = w.textWidth(line, w.fonts().bold, SIZE);
                    w.text(line, w.fonts().bold, SIZE, x + (cellWidth - lineWidth) / 2, baseline, TEXT);
                    baseline -= SIZE * 1.3f;
                }
                x += cellWidth;
            }
            w.down(height);
        }
        return height;
    }

    private static void label(PdfDocumentWriter w, String text, float x, float top) throws IOException {
        var font = w.fonts().bold;
        List<String> lines = w.wrap(text, font, SIZE, LABEL_WIDTH - 6);
        float baseline = top - (ROW - lines.size() * SIZE * 1.2f) / 2 - SIZE + 1;
        for (String line : lines.subList(0, Math.min(2, lines.size()))) {
            w.text(line, font, SIZE, x + 3, baseline, TEXT);
            baseline -= SIZE * 1.2f;
        }
    }

    private static void legend(PdfDocumentWriter w, ReportLabels labels) throws IOException {
        w.need(14);
        float x = w.left();
        float top = w.y();
        for (Object[] entry : new Object[][] {
            {MET, labels.text("coverage.met")},
            {COVERED, labels.text("coverage.covered")},
            {EMPTY, labels.text("coverage.empty")}
        }) {
            w.rectangle(x, top - 9, 9, 9, (Color) entry[0], PdfDocumentWriter.MUTED);
            String text = (String) entry[1];
            w.text(text, w.fonts().regular, SIZE, x + 13, top - 8, TEXT);
            x += 13 + w.textWidth(text, w.fonts().regular, SIZE) + 18;
        }
        w.down(16);
    }
}
