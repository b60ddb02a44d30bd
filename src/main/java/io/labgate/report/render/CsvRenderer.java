package io.labgate.report.render;

import io.labgate.report.ReportColumn;
import io.labgate.report.ReportTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One section as CSV: UTF-8 with a byte-order mark (so that Excel reads Korean names correctly), RFC 4180 quoting
 * and CRLF line ends by Apache Commons CSV, a header row of the columns' keys, then one record per row.
 *
 * <p>Text cells come from names people typed (organizations, datasets, buckets). A spreadsheet would take one
 * beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return for a formula, so such a
 * cell is written with a leading apostrophe, as OWASP advises against CSV injection. Numbers and dates are
 * never changed.
 */
public final class CsvRenderer {

    /** The UTF-8 byte-order mark. */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private CsvRenderer() {}

    public static byte[] render(ReportTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            printer.printRecord(table.columns().stream().map(ReportColumn::key).toList());
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    cells.add(cell(table.columns().get(i), row.get(i)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String cell(ReportColumn column, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        String text = value.toString();
        return column.type() == ReportColumn.Type.TEXT ? defused(text) : text;
    }

    /** The text, with a leading apostrophe when a spreadsheet would read it as a formula. */
    public static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
