package io.labgate.report.render;

import java.util.Locale;

/**
 * The unit a report figure is counted in, read from its key by the naming rule every section follows ({@code
 * ...Bytes}, {@code ...Hours}, ratios): how a spreadsheet shows the exact value to a person.
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

    /** The unit of a figure by its key: {@code quotaBytes} bytes, {@code gpuHours} hours, {@code usageRatio} a ratio. */
    static CellUnit of(String key, boolean integer) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("bytes") || k.equals("bytesdelivered") || k.startsWith("bytes")) {
            return BYTES;
        }
        if (k.contains("hours")) {
            return HOURS;
        }
        if (k.endsWith("ratio") || k.equals("utilisation")) {
            return RATIO;
        }
        return integer ? COUNT : DECIMAL;
    }
}
