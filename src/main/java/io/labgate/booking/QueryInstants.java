package io.labgate.booking;

import io.labgate.platform.error.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads an instant from a query parameter, so that a bad value is a 400 naming the parameter. */
public final class QueryInstants {

    private QueryInstants() {}

    /**
     * An ISO-8601 instant ({@code 2026-12-01T09:00:00Z}, or with an offset such as {@code +09:00}), or null when
     * the parameter is absent or blank.
     */
    public static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00Z");
        }
    }
}
