package io.labgate.report;

/**
 * One column of a report table: the key used in JSON and as the CSV header, a human title used in XLSX, and the
 * type, which decides how the cell is written (numbers stay numbers in XLSX).
 */
public record ReportColumn(String key, String title, Type type) {

    public enum Type {
        TEXT,
        INTEGER,
        DECIMAL,
        DATE
    }

    public static ReportColumn text(String key, String title) {
        return new ReportColumn(key, title, Type.TEXT);
    }

    public static ReportColumn integer(String key, String title) {
        return new ReportColumn(key, title, Type.INTEGER);
    }

    public static ReportColumn decimal(String key, String title) {
        return new ReportColumn(key, title, Type.DECIMAL);
    }

    public static ReportColumn date(String key, String title) {
        return new ReportColumn(key, title, Type.DATE);
    }
}
