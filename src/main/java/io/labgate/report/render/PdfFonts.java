package io.labgate.report.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Noto Sans KR (SIL Open Font License 1.1), regular and bold, embedded as subsets: a document carries only the
 * glyphs it uses. The build fetches the font (pom.xml, fetch-korean-font) onto the classpath under {@code fonts/};
 * the bytes are read once per JVM, the PDF fonts loaded per document (a PDFont belongs to its document).
 */
final class PdfFonts {

    private static final String REGULAR = "fonts/NotoSansKR_400Regular.ttf";
    private static final String BOLD = "fonts/NotoSansKR_700Bold.ttf";

    private static byte[] regularBytes;
    private static byte[] boldBytes;
    private static Font awtRegular;

    final PDFont regular;
    final PDFont bold;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    private PdfFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static PdfFonts load(PDDocument document) throws IOException {
        return new PdfFonts(
                PDType0Font.load(document, new ByteArrayInputStream(regular()), true),
                PDType0Font.load(document, new ByteArrayInputStream(bold()), true));
    }

    /** The regular face for Java2D (the charts), derived to a size by the caller. */
    static synchronized Font awt() {
        if (awtRegular == null) {
            try {
                awtRegular = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(regular()));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot read " + REGULAR, e);
            }
        }
        return awtRegular;
    }

    /**
     * The text with every character the font cannot show (an emoji in a name, a control character) replaced by
     * {@code ?}: PDFBox refuses to encode a string with a missing glyph.
     */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean ok = printable.computeIfAbsent(c, this::canShow);
            out.appendCodePoint(ok ? c : '?');
        });
        return out.toString();
    }

    private boolean canShow(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            String s = new String(Character.toChars(codePoint));
            regular.encode(s);
            bold.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static synchronized byte[] regular() {
        if (regularBytes == null) {
            regularBytes = read(REGULAR);
        }
        return regularBytes;
    }

    private static synchronized byte[] bold() {
        if (boldBytes == null) {
            boldBytes = read(BOLD);
        }
        return boldBytes;
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is not on the classpath: the build fetches it (mvn generate-resources)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
