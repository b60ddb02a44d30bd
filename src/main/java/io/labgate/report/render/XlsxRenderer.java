package io.labgate.report.render;

import io.labgate.platform.time.LabTime;
import io.labgate.report.Report;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportLabels;
import io.labgate.report.ReportLanguage;
import io.labgate.report.ReportPeriod;
import io.labgate.report.ReportTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report as an XLSX workbook (Apache POI, streaming): a summary sheet first (section, figure, value), then
 * one sheet per section named by its id. Every sheet starts with a title row naming the report and the period,
 * then a bold header row that stays frozen while scrolling; numbers are numeric cells with their exact value, shown
 * in their unit ({@link CellUnit}: bytes as MB/GB/TB, hours with "h", ratios as percent, counts with separators),
 * dates are date cells. Text is always written as text, never as a formula.
 *
 * <p>Every sheet prints as a document: A4 landscape, one page wide (as many pages long as it takes), the title and
 * header rows repeated on every page, column widths fitted to their contents, the sheet's name and page number in
 * the footer. The summary's names and values are one three-column table, so they print side by side.
 */
public final class XlsxRenderer {

    /** Name of the first sheet. */
    public static final String SUMMARY_SHEET = "summary";

    private static final int TITLE_ROW = 0;
    private static final int HEADER_ROW = 2;
    private static final int MIN_WIDTH = 10;
    private static final int MAX_WIDTH = 60;

    private XlsxRenderer() {}

    /** The workbook with the sections' own (English) titles. */
    public static byte[] render(Report report) {
        return render(report, ReportLanguage.EN);
    }

    /** The workbook with the titles of sheets, columns and figures in {@code language} ({@link ReportLabels}). */
    public static byte[] render(Report report, ReportLanguage language) {
        ReportLabels labels = ReportLabels.of(language);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            ReportPeriod period = report.query().period();
            String periodLine = labels.text("period") + " "
                    + labels.text(
                            "periodValue",
                            period.from().toString(),
                            period.to().toString(),
                            ChronoUnit.DAYS.between(period.from(), period.to()) + 1)
                    + " · " + LabTime.ZONE.getId()
                    + (report.query().groupBy() == null
                            ? ""
                            : " · " + labels.text("groupBy") + " "
                                    + labels.text("dimension." + report.query().groupBy()))
                    + " · " + labels.text("generatedAt") + " " + report.generatedAt();
            Set<String> names = new HashSet<>();
            summary(workbook, styles, labels, report.summary(), periodLine, names);
            for (Report.Part part : report.sections()) {
                section(workbook, styles, labels, part, periodLine, names);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(
            SXSSFWorkbook workbook,
            Styles styles,
            ReportLabels labels,
            List<ReportFigure> figures,
            String period,
            Set<String> names) {
        Sheet sheet = workbook.createSheet(sheetName(SUMMARY_SHEET, names));
        title(sheet, styles, "LabGate · " + labels.text("title") + ": " + labels.text("summary"), period);
        int[] widths = header(
                sheet,
                styles,
                List.of(labels.text("xlsx.section"), labels.text("xlsx.figure"), labels.text("xlsx.value")));
        int r = HEADER_ROW + 1;
        for (ReportFigure figure : figures) {
            Row row = sheet.createRow(r++);
            // the section's id: stable for whoever reads the sheet by machine, as the sheets' names are
            write(row, 0, figure.section(), null, widths);
            write(row, 1, labels.figure(figure.section(), figure.key(), figure.title()), null, widths);
            write(row, 2, figure.value(), styles.of(CellUnit.of(figure.key(), figure.value() instanceof Long)), widths);
        }
        widths(sheet, widths);
        printable(sheet);
    }

    private static void section(
            SXSSFWorkbook workbook,
            Styles styles,
            ReportLabels labels,
            Report.Part part,
            String period,
            Set<String> names) {
        ReportTable table = part.table();
        Sheet sheet = workbook.createSheet(sheetName(table.section(), names));
        title(
                sheet,
                styles,
                labels.section(table.section(), table.title()) + (part.note() == null ? "" : " (" + part.note() + ")"),
                period);
        int[] widths = header(
                sheet,
                styles,
                table.columns().stream()
                        .map(c -> labels.column(table.section(), c.key(), c.title()))
                        .toList());
        int r = HEADER_ROW + 1;
        List<CellStyle> columnStyles = table.columns().stream().map(styles::of).toList();
        for (List<Object> cells : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < cells.size(); i++) {
                write(row, i, cells.get(i), columnStyles.get(i), widths);
            }
        }
        widths(sheet, widths);
        printable(sheet);
    }

    /** A4 landscape, one page wide, title and header repeated on every page, name and page in the footer. */
    private static void printable(Sheet sheet) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(true);
        sheet.setFitToPage(true);
        setup.setFitWidth((short) 1);
        // 0: as many pages long as the rows need
        setup.setFitHeight((short) 0);
        sheet.setAutobreaks(true);
        sheet.setRepeatingRows(new CellRangeAddress(TITLE_ROW, HEADER_ROW, -1, -1));
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.getFooter().setCenter("&A");
        sheet.getFooter().setRight("&P / &N");
    }

    private static void title(Sheet sheet, Styles styles, String title, String period) {
        Row row = sheet.createRow(TITLE_ROW);
        Cell cell = row.createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(styles.title);
        sheet.createRow(TITLE_ROW + 1).createCell(0).setCellValue(period);
    }

    private static int[] header(Sheet sheet, Styles styles, List<String> titles) {
        Row row = sheet.createRow(HEADER_ROW);
        int[] widths = new int[titles.size()];
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(styles.header);
            widths[i] = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, displayWidth(titles.get(i)) + 2));
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        return widths;
    }

    /** A cell: numbers and dates with their column's style, text as text; widths grow to fit what is shown. */
    private static void write(Row row, int column, Object value, CellStyle style, int[] widths) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        String shown;
        if (value instanceof Long number) {
            cell.setCellValue(number.doubleValue());
            shown = String.format(Locale.ROOT, "%,d", number);
        } else if (value instanceof BigDecimal decimal) {
            cell.setCellValue(decimal.doubleValue());
            shown = decimal.toPlainString();
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            shown = DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        } else {
            shown = value.toString();
            cell.setCellValue(shown);
        }
        if (style != null && !(value instanceof String)) {
            cell.setCellStyle(style);
        }
        widths[column] = Math.max(widths[column], Math.min(MAX_WIDTH, displayWidth(shown) + 2));
    }

    /** Characters as a spreadsheet lays them out: Hangul and other wide characters take two columns. */
    static int displayWidth(String text) {
        return text.codePoints()
                .map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL
                                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        ? 2
                        : 1)
                .sum();
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
        final CellStyle date;
        private final Map<CellUnit, CellStyle> units = new EnumMap<>(CellUnit.class);

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
            header.setWrapText(true);
            var formats = workbook.createDataFormat();
            for (CellUnit unit : CellUnit.values()) {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(formats.getFormat(unit.format()));
                units.put(unit, style);
            }
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        }

        CellStyle of(CellUnit unit) {
            return units.get(unit);
        }

        /** The style of a column's cells: its unit's for numbers, the date style for dates, none for text. */
        CellStyle of(ReportColumn column) {
            return switch (column.type()) {
                case TEXT -> null;
                case DATE -> date;
                case INTEGER -> of(CellUnit.of(column.key(), true));
                case DECIMAL -> of(CellUnit.of(column.key(), false));
            };
        }
    }
}
