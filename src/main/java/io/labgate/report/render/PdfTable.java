package io.labgate.report.render;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A table of the PDF report: header titles wrap, text cells wrap within a capped width, numbers are right-aligned.
 * {@link #layout} picks how it fits: portrait, else landscape, smaller type, and last split into column groups
 * that each repeat the first column. Rows run across pages, each page repeating the header row.
 */
final class PdfTable {

    private static final float PAD = 3f;
    private static final float MAX_TEXT = 150f;
    private static final float MAX_HEADER = 80f;
    private static final float[] SIZES = {8f, 7f, 6.5f};
    private static final Color HEADER = new Color(0xdc, 0xe6, 0xf0);
    private static final Color ZEBRA = new Color(0xf5, 0xf7, 0xf9);
    private static final Color RULE = new Color(0xc8, 0xcf, 0xd6);

    /** How the table is laid out: the page orientation, the type size and the column groups with their widths. */
    record Layout(boolean landscape, float fontSize, List<int[]> groups, float[] widths) {}

    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows;

    PdfTable(List<String> headers, boolean[] numeric, List<List<String>> rows) {
        this.headers = List.copyOf(headers);
        this.numeric = numeric.clone();
        this.rows = List.copyOf(rows);
    }

    Layout layout(PdfDocumentWriter w) throws IOException {
        float portrait = PDRectangle.A4.getWidth() - 2 * PdfDocumentWriter.MARGIN;
        float landscape = PDRectangle.A4.getHeight() - 2 * PdfDocumentWriter.MARGIN;
        for (boolean wide : new boolean[] {false, true}) {
            for (float size : SIZES) {
                float[] widths = widths(w, size);
                if (sum(widths, all()) <= (wide ? landscape : portrait)) {
                    return new Layout(wide, size, List.of(all()), widths);
                }
            }
        }
        float size = SIZES[1];
        float[] widths = widths(w, size);
        return new Layout(true, size, split(widths, landscape), widths);
    }

    /** Draws the table at the cursor (on pages of the layout's orientation), one column group after another. */
    void draw(PdfDocumentWriter w, Layout layout) throws IOException {
        for (int[] group : layout.groups()) {
            float leading = layout.fontSize() * 1.3f;
            float headerHeight = header(w, layout, group, leading, false);
            w.need(headerHeight + leading + 2 * PAD);
            header(w, layout, group, leading, true);
            int index = 0;
            for (List<String> row : rows) {
                List<List<String>> cells = new ArrayList<>();
                int lines = 1;
                for (int c : group) {
                    List<String> wrapped = numeric[c]
                            ? List.of(row.get(c))
                            : w.wrap(row.get(c), w.fonts().regular, layout.fontSize(), layout.widths()[c] - 2 * PAD);
                    cells.add(wrapped);
                    lines = Math.max(lines, wrapped.size());
                }
                float height = lines * leading + 2 * PAD;
                if (w.room() < height) {
                    w.newPage(layout.landscape());
                    header(w, layout, group, leading, true);
                }
                float x = w.left();
                float top = w.y();
                if (index++ % 2 == 1) {
                    w.rectangle(x, top - height, sum(layout.widths(), group), height, ZEBRA, null);
                }
                for (int i = 0; i < group.length; i++) {
                    cell(w, layout, group[i], cells.get(i), x, top, leading, false);
                    x += layout.widths()[group[i]];
                }
                w.line(w.left(), top - height, w.left() + sum(layout.widths(), group), top - height, RULE, 0.3f);
                w.down(height);
            }
            w.down(10);
        }
    }

    /** The header row's height; drawn at the cursor (and the cursor moved) when {@code draw}. */
    private float header(PdfDocumentWriter w, Layout layout, int[] group, float leading, boolean draw)
            throws IOException {
        List<List<String>> titles = new ArrayList<>();
        int lines = 1;
        for (int c : group) {
            List<String> wrapped =
                    w.wrap(headers.get(c), w.fonts().bold, layout.fontSize(), layout.widths()[c] - 2 * PAD);
            titles.add(wrapped);
            lines = Math.max(lines, wrapped.size());
        }
        float height = lines * leading + 2 * PAD;
        if (draw) {
            float x = w.left();
            float top = w.y();
            w.rectangle(x, top - height, sum(layout.widths(), group), height, HEADER, null);
            for (int i = 0; i < group.length; i++) {
                cell(w, layout, group[i], titles.get(i), x, top, leading, true);
                x += layout.widths()[group[i]];
            }
            w.down(height);
        }
        return height;
    }

    private void cell(
            PdfDocumentWriter w,
            Layout layout,
            int column,
            List<String> lines,
            float x,
            float top,
            float leading,
            boolean header)
            throws IOException {
        var font = header ? w.fonts().bold : w.fonts().regular;
        float size = layout.fontSize();
        float baseline = top - PAD - size;
        for (String line : lines) {
            float tx = x + PAD;
            if (numeric[column]) {
                tx = x + layout.widths()[column] - PAD - w.textWidth(line, font, size);
            }
            w.text(line, font, size, tx, baseline, PdfDocumentWriter.TEXT);
            baseline -= leading;
        }
    }

    /** Each column as wide as its widest cell (text capped) or its longest header word, headers up to a width. */
    private float[] widths(PdfDocumentWriter w, float size) throws IOException {
        float[] widths = new float[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            float cells = 0;
            for (List<String> row : rows) {
                cells = Math.max(cells, w.textWidth(row.get(c), w.fonts().regular, size));
            }
            if (!numeric[c]) {
                cells = Math.min(cells, MAX_TEXT);
            }
            float word = 0;
            for (String part : headers.get(c).split(" ")) {
                word = Math.max(word, w.textWidth(part, w.fonts().bold, size));
            }
            float header = Math.min(w.textWidth(headers.get(c), w.fonts().bold, size), MAX_HEADER);
            widths[c] = Math.max(Math.max(cells, Math.min(word, MAX_TEXT)), header) + 2 * PAD;
        }
        return widths;
    }

    /** Column groups within {@code width}, each starting with the first column (what the row is about). */
    private static List<int[]> split(float[] widths, float width) {
        List<int[]> groups = new ArrayList<>();
        List<Integer> current = new ArrayList<>(List.of(0));
        float used = widths[0];
        for (int c = 1; c < widths.length; c++) {
            if (used + widths[c] > width && current.size() > 1) {
                groups.add(current.stream().mapToInt(Integer::intValue).toArray());
                current = new ArrayList<>(List.of(0));
                used = widths[0];
            }
            current.add(c);
            used += widths[c];
        }
        groups.add(current.stream().mapToInt(Integer::intValue).toArray());
        return groups;
    }

    private int[] all() {
        int[] all = new int[headers.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private static float sum(float[] widths, int[] columns) {
        float sum = 0;
        for (int c : columns) {
            sum += widths[c];
        }
        return sum;
    }
}
