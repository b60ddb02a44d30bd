package io.labgate.report.usage;

import io.labgate.delivery.api.ObjectDelivery;
import io.labgate.platform.time.LabTime;
import io.labgate.report.GroupingSql;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportPeriod;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The usage sections' shared SQL: the relation their rows come from, and what counts as a download on each path.
 *
 * <p>The relation {@code u} has the columns of the rollup — {@code day} (KST date; the first day of the month for a
 * row of a whole month), {@code organization_id}, {@code dataset_version_id}, {@code action}, {@code outcome},
 * {@code reason}, {@code events}, {@code bytes}, {@code days} (bit mask of the days of {@code day}'s month that had
 * such events: bit d-1 for day d) — plus {@code dataset_id} (of the version). From {@link ReportSource#ROLLUP} it
 * is the monthly rollup's rows for the whole months of the period and the daily rollup's rows for the days of its
 * partial first and last months (migrations V14, V18); from {@link ReportSource#RAW} it is the same aggregation
 * done on {@code usage_event} for the period, one row per day, so a section's SQL is identical for both sources
 * and only the relation differs. Its parameters are bound by {@link #rows}.
 */
@ApplicationScoped
public class UsageSql {

    /** A successful REST streamed download: one object transfer, bytes actually written. */
    static final String STREAM = "(u.action = 'OBJECT_STREAMED' AND u.outcome = 'SUCCESS')";

    /**
     * A successful S3 GetObject: bytes actually written. Events written before downloads carried the reason
     * {@code s3 GetObject} had none (the endpoint's other operations always had one), hence the coalesce.
     */
    static final String S3 = "(u.action = 'S3_REQUEST' AND u.outcome = 'SUCCESS' AND coalesce(u.reason, '"
            + ObjectDelivery.S3_GET_OBJECT + "') = '" + ObjectDelivery.S3_GET_OBJECT + "')";

    /** A presigned link issued: bytes are the linked object's manifest size (offered, not seen downloaded). */
    static final String LINK = "(u.action = 'LINK_ISSUED' AND u.outcome = 'SUCCESS')";

    /**
     * A REST or S3 transfer that ended before its last byte: the client went away, the store failed, the grant ended
     * meanwhile (REFUSED) or the replica died ({@code INTERRUPTED}, whose bytes are the reservation: the most that
     * can have left). Its bytes left the lab all the same.
     */
    static final String CUT = "(u.action IN ('OBJECT_STREAMED', 'S3_REQUEST') AND u.outcome IN ('FAILED', 'REFUSED'))";

    /** Complete downloads and presigned links: the objects delivered or offered whole. */
    static final String COMPLETE = "(" + STREAM + " OR " + S3 + " OR " + LINK + ")";

    /** Every byte that left through LabGate itself: complete and cut transfers, REST and S3. */
    static final String LEFT = "(" + STREAM + " OR " + S3 + " OR " + CUT + ")";

    /** The rows the download figures read: complete downloads, links and cut transfers. */
    static final String DOWNLOAD = "(" + COMPLETE + " OR " + CUT + ")";

    /** Refused accesses: ACCESS_REFUSED events and transfers cut short by a refusal (grant ended meanwhile). */
    static final String REFUSAL = "(u.outcome = 'REFUSED')";

    /** What a group without a known organization, dataset or provider is called. */
    static final String UNKNOWN = "(unknown)";

    /** Whole months [?1, ?2) from the monthly rollup, the other days [?3, ?4] outside [?5, ?6) from the daily one. */
    private static final String ROLLUP_ROWS = "SELECT m.month AS day, m.organization_id, m.dataset_version_id, "
            + "m.action, m.outcome, m.reason, m.events, m.bytes, m.days FROM usage_monthly_rollup m "
            + "WHERE m.month >= ? AND m.month < ? "
            + "UNION ALL SELECT r.day, r.organization_id, r.dataset_version_id, r.action, r.outcome, r.reason, "
            + "r.events, r.bytes, " + dayBit("r.day") + " FROM usage_daily_rollup r "
            + "WHERE r.day >= ? AND r.day <= ? AND NOT (r.day >= ? AND r.day < ?)";

    private static final String RAW_ROWS = "SELECT x.*, " + dayBit("x.day") + " AS days FROM ("
            + "SELECT (e.occurred_at AT TIME ZONE '" + LabTime.ZONE.getId() + "')::date AS day, "
            + "e.organization_id, e.dataset_version_id, e.action, e.outcome, e.reason, sum(e.occurrences) AS events, "
            + "coalesce(sum(e.bytes), 0)::bigint AS bytes FROM usage_event e "
            + "WHERE e.occurred_at >= ? AND e.occurred_at < ? GROUP BY 1, 2, 3, 4, 5, 6) x";

    /** work_mem of a report query's transaction (PostgreSQL's default, 4 MB, makes the year's groupings spill). */
    static final String WORK_MEM = "64MB";

    @Inject
    DataSource dataSource;

    /** The relation {@code u} for this source (see the class comment), to put after {@code FROM}. */
    static String relation(ReportSource source) {
        String rows = source == ReportSource.RAW ? RAW_ROWS : ROLLUP_ROWS;
        return "(SELECT a.*, dv.dataset_id FROM (" + rows + ") a "
                + "LEFT JOIN dataset_version dv ON dv.id = a.dataset_version_id) u";
    }

    /** The bit of a date's day in its month's {@code days} mask. */
    static String dayBit(String date) {
        return "(1 << (extract(day FROM " + date + ")::int - 1))";
    }

    /** The number of distinct days in the OR of the {@code days} masks of a group of rows of one month. */
    static String daysIn(String masks) {
        return "bit_count(bit_or(" + masks + ")::bit(32))";
    }

    /** Sum of {@code expr} over the rows matching {@code filter}, 0 when none. */
    static String sum(String expr, String filter) {
        return "coalesce(sum(" + expr + ") FILTER (WHERE " + filter + "), 0)::bigint";
    }

    /** The grouping of a dimension over {@code u}, with unknown groups named {@link #UNKNOWN}. */
    static GroupingSql grouping(ReportDimension dimension) {
        GroupingSql g = GroupingSql.of(dimension, "u");
        return dimension == null
                ? g
                : new GroupingSql(g.joins(), g.key(), "coalesce(" + g.label() + ", '" + UNKNOWN + "')");
    }

    /**
     * The two columns every grouped section starts with, as in the other sections: the group's key and name
     * ({@code null} and {@code Total} when not grouped).
     */
    static final List<ReportColumn> GROUP_COLUMNS =
            List.of(ReportColumn.text("group", "Group key"), ReportColumn.text("groupName", "Group"));

    /** Runs a section's query (whose only parameters are the relation's) and reads the cells by column type. */
    List<List<Object>> rows(String sql, ReportQuery query, List<ReportColumn> columns) {
        ReportPeriod period = query.period();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<List<Object>> rows = rows(connection, sql, period, query.source(), columns);
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("usage report query failed: " + e.getMessage(), e);
        }
    }

    private static List<List<Object>> rows(
            Connection connection, String sql, ReportPeriod period, ReportSource source, List<ReportColumn> columns)
            throws SQLException {
        try (PreparedStatement memory = connection.prepareStatement("SET LOCAL work_mem = '" + WORK_MEM + "'");
                PreparedStatement planning =
                        connection.prepareStatement("SET LOCAL plan_cache_mode = force_custom_plan")) {
            // aggregations over a year of rollup rows hash and sort in memory instead of spilling to disk
            memory.execute();
            // plan every run with its own dates: after a few runs of the same statement the JDBC driver prepares
            // it on the server, and PostgreSQL's generic plan (blind to how much of the table the period covers)
            // made the year's report ten times slower (docs/performance.md)
            planning.execute();
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (source == ReportSource.RAW) {
                statement.setObject(1, period.start().atOffset(ZoneOffset.UTC));
                statement.setObject(2, period.end().atOffset(ZoneOffset.UTC));
            } else {
                LocalDate[] months = wholeMonths(period);
                statement.setObject(1, months[0]);
                statement.setObject(2, months[1]);
                statement.setObject(3, period.from());
                statement.setObject(4, period.to());
                statement.setObject(5, months[0]);
                statement.setObject(6, months[1]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        row.add(cell(rs, i + 1, columns.get(i).type()));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /**
     * The whole calendar months inside the period as {@code [first day of the first, first day after the last)};
     * an empty range (both ends equal) when the period holds no whole month.
     */
    static LocalDate[] wholeMonths(ReportPeriod period) {
        LocalDate first = period.from().getDayOfMonth() == 1
                ? period.from()
                : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate after = period.to().plusDays(1);
        LocalDate end = after.getDayOfMonth() == 1 ? after : after.withDayOfMonth(1);
        return end.isAfter(first) ? new LocalDate[] {first, end} : new LocalDate[] {first, first};
    }

    private static Object cell(ResultSet rs, int index, ReportColumn.Type type) throws SQLException {
        Object value = switch (type) {
            case TEXT -> rs.getString(index);
            case INTEGER -> rs.getLong(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case DATE -> rs.getObject(index, LocalDate.class);
        };
        return rs.wasNull() ? null : value;
    }
}
