package io.labgate.report;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.time.LabTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, {@code from} and {@code to} both included, as calendar days in the report time zone.
 * The lab and its funding agency are in Korea, so days and months are Korea Standard Time days; the usage log's
 * daily rollup uses the same zone (migration V14), which is why it is a constant and not a setting.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** Korea Standard Time (UTC+9, no daylight saving). */
    public static final ZoneId ZONE = LabTime.ZONE;

    /** Longest period one report may cover: ten years and a few leap days. */
    public static final long MAX_DAYS = 3_660;

    public ReportPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a period needs both ends");
        }
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ApiException.invalid("to", "a report covers at most " + MAX_DAYS + " days");
        }
    }

    /** Parses the query parameters {@code from} and {@code to} (ISO dates, e.g. 2026-01-01), both required. */
    public static ReportPeriod parse(String from, String to) {
        return new ReportPeriod(date("from", from), date("to", to));
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Number of days covered. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(name, "is required: an ISO date such as 2026-01-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be an ISO date such as 2026-01-01");
        }
    }
}
