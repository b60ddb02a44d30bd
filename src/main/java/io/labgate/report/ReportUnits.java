package io.labgate.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Report figures in the units a person reads: bytes in binary units (KiB … PiB, one decimal), hours with one
 * decimal, a time to decision in hours and minutes, ratios as percentages, counts with thousands separators.
 * The JSON, CSV and XLSX keep the exact values; this is for documents (the PDF).
 */
public final class ReportUnits {

    /** What a figure or column measures, read from its key (the keys follow these conventions). */
    public enum Unit {
        BYTES,
        HOURS,
        DURATION,
        PERCENT,
        NUMBER;

        /** {@code …Bytes…}/{@code bytes…}: bytes; {@code …HoursToDecision}: a duration; {@code …Hours}: hours. */
        public static Unit of(String key) {
            if (key.contains("Bytes") || key.startsWith("bytes")) {
                return BYTES;
            }
            if (key.endsWith("HoursToDecision")) {
                return DURATION;
            }
            if (key.endsWith("Hours")) {
                return HOURS;
            }
            if (key.equals("utilisation") || key.endsWith("Ratio")) {
                return PERCENT;
            }
            return NUMBER;
        }
    }

    /** What an empty value (e.g. the median of nothing) is shown as. */
    public static final String EMPTY = "–";

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private final ReportLanguage language;

    ReportUnits(ReportLanguage language) {
        this.language = language;
    }

    /** A figure or numeric cell, in the unit its key says; text as it is, {@code null} as {@link #EMPTY}. */
    public String format(String key, Object value) {
        if (value == null) {
            return EMPTY;
        }
        if (!(value instanceof Long) && !(value instanceof BigDecimal)) {
            return value.toString();
        }
        BigDecimal number = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
        return switch (Unit.of(key)) {
            case BYTES -> bytes(number.longValue());
            case HOURS -> hours(number);
            case DURATION -> duration(number);
            case PERCENT -> percent(number);
            case NUMBER -> value instanceof Long l ? count(l) : decimal(number);
        };
    }

    /** 1,536 → {@code 1.5 KiB}; below 1 KiB in bytes ({@code 512 B}). */
    public String bytes(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        // 1023.96 KiB rounds to 1,024.0 KiB: say 1.0 MiB instead
        if (Math.abs(value) >= 1023.95 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, BINARY[unit]);
    }

    /** {@code 1,234.5 h} or {@code 1,234.5시간}. */
    public String hours(BigDecimal hours) {
        String number = String.format(Locale.ROOT, "%,.1f", hours.setScale(1, RoundingMode.HALF_UP));
        return language == ReportLanguage.KO ? number + "시간" : number + " h";
    }

    /** Hours as hours and minutes: {@code 26 h 5 min} / {@code 26시간 5분}; under half a minute {@code < 1 min}. */
    public String duration(BigDecimal hours) {
        long minutes = hours.multiply(BigDecimal.valueOf(60))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        boolean korean = language == ReportLanguage.KO;
        if (minutes == 0 && hours.signum() > 0) {
            return korean ? "1분 미만" : "< 1 min";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        String hourPart = String.format(Locale.ROOT, "%,d", h) + (korean ? "시간" : " h");
        String minutePart = m + (korean ? "분" : " min");
        if (h == 0) {
            return minutePart;
        }
        return m == 0 ? hourPart : hourPart + " " + minutePart;
    }

    /** A ratio (0.4231) as a percentage with one decimal: {@code 42.3%}. */
    public String percent(BigDecimal ratio) {
        return String.format(Locale.ROOT, "%,.1f%%", ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP));
    }

    /** {@code 1,234}. */
    public String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A plain decimal with at most two decimals: {@code 1,234.57}. */
    public String decimal(BigDecimal value) {
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return String.format(Locale.ROOT, "%,." + Math.max(0, rounded.scale()) + "f", rounded);
    }

    /** The unit's name for an axis or a legend, e.g. {@code GiB} for a maximum of a few GiB. */
    public String bytesUnitFor(long max) {
        int unit = 0;
        double value = max;
        while (Math.abs(value) >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return BINARY[unit];
    }

    /** Bytes in the unit {@link #bytesUnitFor} chose, as a number for a chart. */
    public double inUnit(long bytes, String unit) {
        double value = bytes;
        for (int i = 0; i < BINARY.length && !BINARY[i].equals(unit); i++) {
            value /= 1024;
        }
        return value;
    }

    /** The word for hours, for chart axes. */
    public String hoursUnit() {
        return language == ReportLanguage.KO ? "시간" : "h";
    }
}
