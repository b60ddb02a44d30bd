package io.labgate.report.sections;

import io.labgate.report.GroupingSql;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSection;
import io.labgate.report.ReportTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Grants over the period: active at any moment of it, started in it, ended in it (by expiry or revocation).
 * A grant ends at its first revocation, or else at the end of its validity (extensions included); a suspension
 * does not end it. Grouped by month, an active grant counts in every month it was active; started and ended
 * grants in the month of that event. docs/reports.md defines each column.
 */
@ApplicationScoped
public class GrantsSection implements ReportSection {

    public static final String ID = "grants";

    static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.text("group", "Group key"),
            ReportColumn.text("groupName", "Group"),
            ReportColumn.integer("grantsActive", "Grants active"),
            ReportColumn.integer("grantsStarted", "Grants started"),
            ReportColumn.integer("grantsEnded", "Grants ended"),
            ReportColumn.integer("grantsExpired", "Ended by expiry"),
            ReportColumn.integer("grantsRevoked", "Ended by revocation"));

    @Inject
    EntityManager em;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Grants: active, started and ended (expired or revoked)";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        return EnumSet.allOf(ReportDimension.class);
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : Sql.rows(em, sql(query.groupBy()), Sql.period(query))) {
            rows.add(Arrays.asList(
                    Sql.text(row[0]),
                    Sql.text(row[1]),
                    Sql.integer(row[2]),
                    Sql.integer(row[3]),
                    Sql.integer(row[4]),
                    Sql.integer(row[5]),
                    Sql.integer(row[6])));
        }
        return new ReportTable(ID, title(), query.groupBy(), COLUMNS, rows);
    }

    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        return compute(query.groupedBy(null)).totalFigures();
    }

    static String sql(ReportDimension dimension) {
        GroupingSql grouping = GroupingSql.of(dimension, "e");
        return """
                WITH %1$s,
                ev AS (
                    SELECT 'ACTIVE' AS kind, a.grant_id, a.organization_id, a.dataset_id, a.day
                    FROM (%2$s) a
                    UNION ALL
                    SELECT 'STARTED', gs.id, gs.organization_id, gs.dataset_id, %3$s
                    FROM grant_span gs
                    WHERE gs.valid_from >= CAST(:start AS timestamptz) AND gs.valid_from < CAST(:end AS timestamptz)
                    UNION ALL
                    SELECT 'ENDED_' || gs.end_kind, gs.id, gs.organization_id, gs.dataset_id, %4$s
                    FROM grant_span gs
                    WHERE gs.ends_at >= CAST(:start AS timestamptz) AND gs.ends_at < CAST(:end AS timestamptz)
                          AND gs.ends_at <= now()
                )
                SELECT %5$s AS group_key, %6$s AS group_name,
                       count(DISTINCT e.grant_id) FILTER (WHERE e.kind = 'ACTIVE'),
                       count(DISTINCT e.grant_id) FILTER (WHERE e.kind = 'STARTED'),
                       count(DISTINCT e.grant_id) FILTER (WHERE e.kind LIKE 'ENDED%%'),
                       count(DISTINCT e.grant_id) FILTER (WHERE e.kind = 'ENDED_EXPIRED'),
                       count(DISTINCT e.grant_id) FILTER (WHERE e.kind = 'ENDED_REVOKED')
                FROM ev e%7$s
                """.formatted(
                                Sql.GRANT_SPANS,
                                Sql.ACTIVE_GRANT_MONTHS,
                                Sql.day("gs.valid_from"),
                                Sql.day("gs.ends_at"),
                                grouping.key(),
                                grouping.label(),
                                grouping.joins())
                + (dimension == null ? "" : "GROUP BY 1, 2\nORDER BY " + RequestsSection.order(dimension));
    }
}
