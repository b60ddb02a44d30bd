package io.labgate.report.render;

import io.labgate.report.ReportUnits;

/**
 * How a spreadsheet shows a figure's exact value to a person, by the unit the figure's key names ({@code ...Bytes},
 * {@code ...Hours}, ratios).
 */
enum CellUnit {
    /**
     * Exact bytes in the cell, shown in decimal units (B, MB, GB): a spreadsheet format cannot divide by 1024, and it
     * takes two conditions at most, so terabytes read as thousands of GB.
     */
    BYTES("[>=1000000000]#,##0.00,,,\" GB\";[>=1000000]#,##0.0,,\" MB\";#,##0\" B\""),
    HOURS("#,##0.0\" h\""),
    RATIO("0.0%"),
    COUNT("#,##0"),
    DECIMAL("#,##0.######");

    private final String format;

    CellUnit(String format) {
        this.format = format;
    }

    String format() {
        return format;
    }

    /**
     * The cell format of a figure: its unit as the PDF reads it from the key ({@link ReportUnits.Unit#of}), a time to
     * decision in hours like the other hours.
     */
    static CellUnit of(String key, boolean integer) {
        return switch (ReportUnits.Unit.of(key)) {
            case BYTES -> BYTES;
            case HOURS, DURATION -> HOURS;
            case PERCENT -> RATIO;
            case NUMBER -> integer ? COUNT : DECIMAL;
        };
    }
}
