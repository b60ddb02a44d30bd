package io.labgate.report.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

/**
 * The layout primitives of the PDF report: A4 pages (portrait, or landscape for wide tables) with fixed margins, a
 * cursor that runs down the page, wrapped text, rectangles, charts drawn as vectors, and the page numbers written
 * last (when the page count is known). Nothing is drawn in the margins but the footer.
 */
final class PdfDocumentWriter {

    /** 15 mm: printers need about 5 mm, the tests check that the outer 3 mm stay white. */
    static final float MARGIN = 42.5f;

    static final float FOOTER_BASELINE = 24f;
    static final Color TEXT = new Color(0x21, 0x25, 0x29);
    static final Color MUTED = new Color(0x5f, 0x66, 0x6d);
    static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);

    private final PDDocument document;
    private final PdfFonts fonts;
    private PDPageContentStream out;
    private PDRectangle size;
    private float y;

    PdfDocumentWriter(PDDocument document, PdfFonts fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    PdfFonts fonts() {
        return fonts;
    }

    void newPage(boolean landscape) throws IOException {
        closePage();
        size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        PDPage page = new PDPage(size);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = size.getHeight() - MARGIN;
    }

    boolean landscape() {
        return size.getWidth() > size.getHeight();
    }

    float left() {
        return MARGIN;
    }

    /** The width between the margins. */
    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    /** The cursor: the top of what comes next. */
    float y() {
        return y;
    }

    /** Room left above the bottom margin. */
    float room() {
        return y - MARGIN;
    }

    /** Puts the cursor at {@code y} on the same page (back to the top of a column). */
    void moveTo(float newY) {
        y = newY;
    }

    void down(float height) {
        y -= height;
    }

    /** A new page of the same orientation when less than {@code height} is left. */
    void need(float height) throws IOException {
        if (room() < height) {
            newPage(landscape());
        }
    }

    /** Wrapped text at the cursor, moving it down; continues on a new page when the page is full. */
    void paragraph(String text, PDFont font, float fontSize, Color color) throws IOException {
        float leading = fontSize * 1.35f;
        for (String line : wrap(text, font, fontSize, width())) {
            need(leading);
            text(line, font, fontSize, left(), y - fontSize, color);
            y -= leading;
        }
    }

    void text(String text, PDFont font, float fontSize, float x, float baseline, Color color) throws IOException {
        out.beginText();
        out.setFont(font, fontSize);
        out.setNonStrokingColor(color);
        out.newLineAtOffset(x, baseline);
        out.showText(fonts.printable(text));
        out.endText();
    }

    float textWidth(String text, PDFont font, float fontSize) throws IOException {
        return font.getStringWidth(fonts.printable(text)) / 1000 * fontSize;
    }

    /**
     * The lines of {@code text} within {@code width}: broken at spaces, and inside a word (Korean often has long
     * runs without spaces, codes and ids none) when one word is wider than the line.
     */
    List<String> wrap(String text, PDFont font, float fontSize, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (textWidth(candidate, font, fontSize) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (textWidth(rest, font, fontSize) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && textWidth(rest.substring(0, cut), font, fontSize) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    void rectangle(float x, float bottom, float w, float h, Color fill, Color stroke) throws IOException {
        out.addRect(x, bottom, w, h);
        if (fill != null && stroke != null) {
            out.setNonStrokingColor(fill);
            out.setStrokingColor(stroke);
            out.setLineWidth(0.4f);
            out.fillAndStroke();
        } else if (fill != null) {
            out.setNonStrokingColor(fill);
            out.fill();
        } else {
            out.setStrokingColor(stroke);
            out.setLineWidth(0.4f);
            out.stroke();
        }
    }

    void line(float x1, float y1, float x2, float y2, Color color, float lineWidth) throws IOException {
        out.setStrokingColor(color);
        out.setLineWidth(lineWidth);
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }

    /**
     * A JFreeChart at the cursor, the full width and {@code height} high, drawn as vectors (PDFBox Graphics2D);
     * its text uses the document's embedded font, so it stays text (searchable, Korean intact).
     */
    void chart(JFreeChart chart, float height) throws IOException {
        need(height);
        float w = width();
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, w, height);
        PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer();
        drawer.registerFont(PdfFonts.awt().getFontName(), fonts.regular);
        g.setFontTextDrawer(drawer);
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, w, height));
        } finally {
            g.dispose();
        }
        out.saveGraphicsState();
        out.transform(Matrix.getTranslateInstance(left(), y - height));
        out.drawForm(g.getXFormObject());
        out.restoreGraphicsState();
        y -= height;
    }

    /** Writes every page's footer: {@code footer} on the left, {@code page(n, of)} on the right. */
    void footers(String footer, BiFunction<Integer, Integer, String> page) throws IOException {
        closePage();
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage p = document.getPage(i);
            float pageWidth = p.getMediaBox().getWidth();
            try (PDPageContentStream footerStream =
                    new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = footerStream;
                line(MARGIN, FOOTER_BASELINE + 10, pageWidth - MARGIN, FOOTER_BASELINE + 10, MUTED, 0.3f);
                text(footer, fonts.regular, 7.5f, MARGIN, FOOTER_BASELINE, MUTED);
                String number = page.apply(i + 1, count);
                float numberWidth = textWidth(number, fonts.regular, 7.5f);
                text(number, fonts.regular, 7.5f, pageWidth - MARGIN - numberWidth, FOOTER_BASELINE, MUTED);
            }
        }
        out = null;
    }

    byte[] save() throws IOException {
        closePage();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }

    private void closePage() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
