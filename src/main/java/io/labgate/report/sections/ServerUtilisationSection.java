package io.labgate.report.sections;

import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSection;
import io.labgate.report.ReportTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Per lab server: its hours in the period while it existed (from its registration to its retirement), the
 * maintenance hours among them, the available hours (existing minus maintenance), the booked hours and GPU-hours
 * of its live bookings, and utilisation = booked hours / available hours. Bookings and maintenance windows of a
 * server never overlap (the database refuses it), so the sums are exact. Grouped by month, one row per month
 * and server. docs/reports.md defines each column.
 */
@ApplicationScoped
public class ServerUtilisationSection implements ReportSection {

    public static final String ID = "server-utilisation";

    static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.text("month", "Month"),
            ReportColumn.text("serverId", "Server id"),
            ReportColumn.text("hostname", "Server"),
            ReportColumn.integer("gpuCount", "GPUs"),
            ReportColumn.decimal("existingHours", "Hours in service"),
            ReportColumn.decimal("maintenanceHours", "Maintenance hours"),
            ReportColumn.decimal("availableHours", "Available hours"),
            ReportColumn.decimal("bookedHours", "Booked hours"),
            ReportColumn.decimal("bookedGpuHours", "Booked GPU-hours"),
            ReportColumn.decimal("utilisation", "Utilisation (booked / available)"));

    @Inject
    EntityManager em;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Server utilisation: booked hours over available hours (maintenance excluded)";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        return EnumSet.of(ReportDimension.MONTH);
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        boolean monthly = query.groupBy() == ReportDimension.MONTH;
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : Sql.rows(em, sql(monthly), Sql.period(query))) {
            List<Object> cells = new ArrayList<>(Arrays.asList(
                    Sql.text(row[0]),
                    Sql.text(row[1]),
                    Sql.text(row[2]),
                    Sql.integer(row[3]),
                    Sql.decimal(row[4]),
                    Sql.decimal(row[5]),
                    Sql.decimal(row[6]),
                    Sql.decimal(row[7]),
                    Sql.decimal(row[8]),
                    ratio(Sql.decimal(row[7]), Sql.decimal(row[6]))));
            if (!monthly) {
                cells.remove(0);
            }
            rows.add(cells);
        }
        return new ReportTable(
                ID, title(), query.groupBy(), monthly ? COLUMNS : COLUMNS.subList(1, COLUMNS.size()), rows);
    }

    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal booked = BigDecimal.ZERO;
        long servers = 0;
        for (Object[] row : Sql.rows(em, sql(false), Sql.period(query))) {
            available = available.add(Sql.decimal(row[6]));
            booked = booked.add(Sql.decimal(row[7]));
            servers++;
        }
        return List.of(
                new ReportFigure(ID, "servers", "Servers in service during the period", servers),
                new ReportFigure(ID, "availableHours", "Available server-hours", available),
                new ReportFigure(ID, "bookedHours", "Booked server-hours", booked),
                new ReportFigure(
                        ID,
                        "utilisation",
                        "Utilisation of all servers (booked / available)",
                        ratio(booked, available)));
    }

    /** booked / available to six decimals; null when nothing was available. */
    static BigDecimal ratio(BigDecimal booked, BigDecimal available) {
        if (booked == null || available == null || available.signum() <= 0) {
            return null;
        }
        return booked.divide(available, Sql.SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Windows (the period, or each of its months clipped to it) × servers, each clipped to the server's life,
     * with the maintenance and booking hours inside.
     */
    static String sql(boolean monthly) {
        String windows = monthly
                ? """
                SELECT to_char(m.month_start, 'YYYY-MM') AS month,
                       GREATEST(m.month_start AT TIME ZONE %1$s, CAST(:start AS timestamptz)) AS ws,
                       LEAST((m.month_start + interval '1 month') AT TIME ZONE %1$s, CAST(:end AS timestamptz)) AS we
                FROM generate_series(date_trunc('month', CAST(CAST(:from AS date) AS timestamp)),
                                     CAST(CAST(:to AS date) AS timestamp), interval '1 month')
                     AS m(month_start)
                """.formatted(Sql.ZONE)
                : "SELECT CAST(NULL AS text) AS month, CAST(:start AS timestamptz) AS ws, CAST(:end AS timestamptz) AS we";
        return """
                WITH win AS (%1$s),
                life AS (
                    SELECT w.month, s.id, s.hostname, s.gpu_count,
                           GREATEST(w.ws, s.created_at) AS ls,
                           LEAST(w.we, COALESCE(s.retired_at, 'infinity'::timestamptz)) AS le
                    FROM win w CROSS JOIN lab_server s
                    WHERE s.created_at < w.we AND COALESCE(s.retired_at, 'infinity'::timestamptz) > w.ws
                ),
                spans AS (
                    SELECT l.month, l.id, l.hostname, l.gpu_count, l.ls, l.le,
                           COALESCE(sum(EXTRACT(EPOCH FROM LEAST(r.ends_at, l.le) - GREATEST(r.starts_at, l.ls)))
                               FILTER (WHERE r.kind = 'MAINTENANCE'), 0) / 3600 AS maintenance,
                           COALESCE(sum(EXTRACT(EPOCH FROM LEAST(r.ends_at, l.le) - GREATEST(r.starts_at, l.ls)))
                               FILTER (WHERE r.kind = 'BOOKING'), 0) / 3600 AS booked
                    FROM life l
                    LEFT JOIN server_reservation r ON r.server_id = l.id AND r.cancelled_at IS NULL
                         AND r.starts_at < l.le AND r.ends_at > l.ls
                    GROUP BY l.month, l.id, l.hostname, l.gpu_count, l.ls, l.le
                )
                SELECT month, CAST(id AS text), hostname, gpu_count,
                       EXTRACT(EPOCH FROM le - ls) / 3600,
                       maintenance,
                       EXTRACT(EPOCH FROM le - ls) / 3600 - maintenance,
                       booked,
                       booked * gpu_count
                FROM spans
                ORDER BY month NULLS FIRST, hostname, id
                """.formatted(windows);
    }
}
