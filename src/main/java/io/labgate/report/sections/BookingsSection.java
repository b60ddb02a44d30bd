package io.labgate.report.sections;

import io.labgate.booking.BookingRepository;
import io.labgate.booking.GpuHoursReport;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportPeriod;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSection;
import io.labgate.report.ReportTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Booked GPU-hours per organization: for every live (not cancelled) booking, its hours inside the period times
 * the GPU count of its server, summed per organization, by the booking module's own query
 * ({@link BookingRepository#gpuHours}). Its natural rows are one per organization with a booking in the period;
 * grouped by month, one per month and organization (a booking across months counts in each for its hours
 * there). Dataset-based dimensions do not apply to bookings.
 */
@ApplicationScoped
public class BookingsSection implements ReportSection {

    public static final String ID = "bookings";

    static final List<ReportColumn> ORGANIZATION_COLUMNS = List.of(
            ReportColumn.text("organizationId", "Organization id"),
            ReportColumn.text("organization", "Organization"),
            ReportColumn.decimal("gpuHours", "Booked GPU-hours"),
            ReportColumn.decimal("serverHours", "Booked server-hours"),
            ReportColumn.integer("bookings", "Bookings"));

    @Inject
    BookingRepository bookings;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Server bookings: booked GPU-hours per organization";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        return EnumSet.of(ReportDimension.ORGANIZATION, ReportDimension.MONTH);
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        ReportPeriod period = query.period();
        List<List<Object>> rows = new ArrayList<>();
        if (query.groupBy() == ReportDimension.MONTH) {
            List<ReportColumn> columns = new ArrayList<>();
            columns.add(ReportColumn.text("month", "Month"));
            columns.addAll(ORGANIZATION_COLUMNS);
            for (YearMonth month = YearMonth.from(period.from());
                    !month.isAfter(YearMonth.from(period.to()));
                    month = month.plusMonths(1)) {
                LocalDate first = max(month.atDay(1), period.from());
                LocalDate last = min(month.atEndOfMonth(), period.to());
                for (GpuHoursReport.OrganizationGpuHours row : hours(new ReportPeriod(first, last))) {
                    List<Object> cells = new ArrayList<>();
                    cells.add(month.toString());
                    cells.addAll(cells(row));
                    rows.add(cells);
                }
            }
            return new ReportTable(ID, title(), ReportDimension.MONTH, columns, rows);
        }
        for (GpuHoursReport.OrganizationGpuHours row : hours(period)) {
            rows.add(cells(row));
        }
        return new ReportTable(ID, title(), query.groupBy(), ORGANIZATION_COLUMNS, rows);
    }

    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        BigDecimal gpuHours = BigDecimal.ZERO.setScale(Sql.SCALE);
        BigDecimal serverHours = BigDecimal.ZERO.setScale(Sql.SCALE);
        long count = 0;
        List<GpuHoursReport.OrganizationGpuHours> all = hours(query.period());
        for (GpuHoursReport.OrganizationGpuHours row : all) {
            gpuHours = gpuHours.add(Sql.decimal(row.gpuHours()));
            serverHours = serverHours.add(Sql.decimal(row.serverHours()));
            count += row.bookings();
        }
        return List.of(
                new ReportFigure(ID, "gpuHours", "Booked GPU-hours", gpuHours),
                new ReportFigure(ID, "serverHours", "Booked server-hours", serverHours),
                new ReportFigure(ID, "bookings", "Bookings overlapping the period", count),
                new ReportFigure(ID, "organizations", "Organizations with a booking", (long) all.size()));
    }

    private List<GpuHoursReport.OrganizationGpuHours> hours(ReportPeriod period) {
        Instant start = period.start();
        Instant end = period.end();
        return bookings.gpuHours(start, end, null);
    }

    private static List<Object> cells(GpuHoursReport.OrganizationGpuHours row) {
        return Arrays.asList(
                row.organizationId().toString(),
                row.organizationName(),
                Sql.decimal(row.gpuHours()),
                Sql.decimal(row.serverHours()),
                row.bookings());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
