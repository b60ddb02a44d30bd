package io.labgate.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.report.ReportFigure;
import io.labgate.report.ReportLabels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** What every PDF report must satisfy, read back with PDFBox: used by the renderer's test and the endpoint's. */
public final class PdfChecks {

    /** The ring along the page's edges that must stay white: 3 mm. */
    static final float RING_MM = 3f;

    private static final int DPI = 72;

    private PdfChecks() {}

    /** The document's text, pages in order, as PDFBox extracts it. */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The text of one page (1-based). */
    public static String page(byte[] pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        }
    }

    /** Every summary figure is in the text, in the unit the PDF prints it in. */
    public static void hasEveryFigure(String text, List<ReportFigure> figures, ReportLabels labels) {
        for (ReportFigure figure : figures) {
            String value = labels.units().format(figure.key(), figure.value());
            assertThat(text)
                    .as(figure.section() + "." + figure.key() + " = " + figure.value() + " shown as " + value)
                    .contains(value);
            assertThat(text)
                    .as("title of " + figure.key())
                    .contains(firstWords(labels.figure(figure.section(), figure.key(), figure.title())));
        }
    }

    /**
     * Each page, rendered, has ink (not blank) and leaves the outer 3 mm white (nothing drawn off the page or into
     * the printer's margin); fonts are embedded subsets. Returns the page count.
     */
    public static int pagesAreSound(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, DPI);
                int ring = Math.round(RING_MM / 25.4f * DPI);
                long ink = 0;
                List<String> outside = new ArrayList<>();
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        if (!white(image.getRGB(x, y))) {
                            ink++;
                            boolean inRing = x < ring
                                    || y < ring
                                    || x >= image.getWidth() - ring
                                    || y >= image.getHeight() - ring;
                            if (inRing && outside.size() < 5) {
                                outside.add(x + "," + y);
                            }
                        }
                    }
                }
                assertThat(ink)
                        .as("page " + (i + 1) + " has ink")
                        .isGreaterThan((long) image.getWidth() * image.getHeight() / 500);
                assertThat(outside)
                        .as("page " + (i + 1) + ": drawn within 3 mm of the edge")
                        .isEmpty();
                fontsAreEmbeddedSubsets(document.getPage(i), i + 1);
            }
            return document.getNumberOfPages();
        }
    }

    private static void fontsAreEmbeddedSubsets(PDPage page, int number) throws IOException {
        for (COSName name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            assertThat(font.isEmbedded())
                    .as("page " + number + ": " + font.getName() + " embedded")
                    .isTrue();
            assertThat(font.getName()).as("page " + number + ": a subset").matches("[A-Z]{6}\\+.*");
        }
    }

    private static boolean white(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 245 && g > 245 && b > 245;
    }

    /** A title may wrap across lines in the PDF: its first two words are on the first line. */
    private static String firstWords(String title) {
        String[] words = title.split(" ");
        return words.length <= 2 ? title : words[0] + " " + words[1];
    }
}
