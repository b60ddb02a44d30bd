package io.labgate.report.render;

import io.labgate.platform.time.LabTime;
import io.labgate.report.Report;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report as an XLSX workbook (Apache POI, streaming): a summary sheet first (section, figure, value), then
 * one sheet per section named by its id. Every sheet starts with a title row naming the report and the period,
 * then a bold header row that stays frozen while scrolling; numbers are numeric cells (integers without
 * decimals, decimals with up to six), dates are date cells. Text is always written as text, never as a formula.
 */
public final class XlsxRenderer {

    /** Name of the first sheet. */
    public static final String SUMMARY_SHEET = "summary";

    private static final int TITLE_ROW = 0;
    private static final int HEADER_ROW = 2;
    private static final int MIN_WIDTH = 10;
    private static final int MAX_WIDTH = 60;

    private XlsxRenderer() {}

    public static byte[] render(Report report) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            String period = "Period " + report.query().period().from() + " to "
                    + report.query().period().to()
                    + " (" + LabTime.ZONE.getId() + ", both days included)"
                    + (report.query().groupBy() == null
                            ? ""
                            : ", grouped by " + report.query().groupBy())
                    + ", generated " + report.generatedAt();
            Set<String> names = new HashSet<>();
            summary(workbook, styles, report.summary(), period, names);
            for (Report.Part part : report.sections()) {
                section(workbook, styles, part, period, names);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(
            SXSSFWorkbook workbook, Styles styles, List<ReportFigure> figures, String period, Set<String> names) {
        Sheet sheet = workbook.createSheet(sheetName(SUMMARY_SHEET, names));
        title(sheet, styles, "LabGate operation report: summary", period);
        List<ReportColumn> columns = List.of(
                ReportColumn.text("section", "Section"),
                ReportColumn.text("figure", "Figure"),
                ReportColumn.decimal("value", "Value"));
        int[] widths = header(sheet, styles, columns);
        int r = HEADER_ROW + 1;
        for (ReportFigure figure : figures) {
            Row row = sheet.createRow(r++);
            write(row, 0, figure.section(), ReportColumn.Type.TEXT, styles, widths);
            write(row, 1, figure.title(), ReportColumn.Type.TEXT, styles, widths);
            write(
                    row,
                    2,
                    figure.value(),
                    figure.value() instanceof Long ? ReportColumn.Type.INTEGER : ReportColumn.Type.DECIMAL,
                    styles,
                    widths);
        }
        widths(sheet, widths);
    }

    private static void section(
            SXSSFWorkbook workbook, Styles styles, Report.Part part, String period, Set<String> names) {
        ReportTable table = part.table();
        Sheet sheet = workbook.createSheet(sheetName(table.section(), names));
        title(sheet, styles, table.title() + (part.note() == null ? "" : " (" + part.note() + ")"), period);
        int[] widths = header(sheet, styles, table.columns());
        int r = HEADER_ROW + 1;
        for (List<Object> cells : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < cells.size(); i++) {
                write(row, i, cells.get(i), table.columns().get(i).type(), styles, widths);
            }
        }
        widths(sheet, widths);
    }

    private static void title(Sheet sheet, Styles styles, String title, String period) {
        Row row = sheet.createRow(TITLE_ROW);
        Cell cell = row.createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(styles.title);
        sheet.createRow(TITLE_ROW + 1).createCell(0).setCellValue(period);
    }

    private static int[] header(Sheet sheet, Styles styles, List<ReportColumn> columns) {
        Row row = sheet.createRow(HEADER_ROW);
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i).title());
            cell.setCellStyle(styles.header);
            widths[i] = Math.max(MIN_WIDTH, columns.get(i).title().length() + 2);
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        return widths;
    }

    private static void write(Row row, int column, Object value, ReportColumn.Type type, Styles styles, int[] widths) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        String shown;
        if (value instanceof Long number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(styles.integer);
            shown = String.format(Locale.ROOT, "%,d", number);
        } else if (value instanceof BigDecimal decimal) {
            cell.setCellValue(decimal.doubleValue());
            cell.setCellStyle(type == ReportColumn.Type.INTEGER ? styles.integer : styles.decimal);
            shown = decimal.toPlainString();
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
            shown = DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        } else {
            shown = value.toString();
            cell.setCellValue(shown);
        }
        widths[column] = Math.max(widths[column], Math.min(MAX_WIDTH, shown.length() + 2));
    }

    private static void widths(Sheet sheet, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    /** A valid sheet name (at most 31 characters, none of []:*?/\), unique within the workbook. */
    static String sheetName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "-" + n;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle date;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            header = workbook.createCellStyle();
            header.setFont(bold);
            var formats = workbook.createDataFormat();
            integer = workbook.createCellStyle();
            integer.setDataFormat(formats.getFormat("#,##0"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(formats.getFormat("#,##0.######"));
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        }
    }
}
