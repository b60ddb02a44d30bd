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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The access workflow over the period: AI companies served, requests received and decided, time from submission
 * to decision, consents refused. Every figure is counted in the group of its own event: a request's submission
 * in the month it was submitted, its decision in the month it was decided. A request covers several dataset
 * versions, so grouped by dataset, industry, AI technology or provider it counts once in each group its
 * datasets fall in, and the groups may add up to more than the total. A refused consent counts only for the
 * provider that refused. docs/reports.md defines each column.
 */
@ApplicationScoped
public class RequestsSection implements ReportSection {

    public static final String ID = "requests";

    static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.text("group", "Group key"),
            ReportColumn.text("groupName", "Group"),
            ReportColumn.integer("companiesServed", "AI companies served"),
            ReportColumn.integer("requestsReceived", "Requests received"),
            ReportColumn.integer("requestsApproved", "Approved"),
            ReportColumn.integer("requestsRejected", "Rejected"),
            ReportColumn.integer("requestsWithdrawn", "Withdrawn"),
            ReportColumn.decimal("medianHoursToDecision", "Median hours to decision"),
            ReportColumn.decimal("p90HoursToDecision", "90th percentile hours to decision"),
            ReportColumn.integer("consentsRefused", "Consents refused"));

    @Inject
    EntityManager em;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Access requests: AI companies served, requests received and decided, time to decision, consents "
                + "refused";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        return EnumSet.allOf(ReportDimension.class);
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : Sql.rows(em, sql(query.groupBy()), Sql.period(query))) {
            rows.add(java.util.Arrays.asList(
                    Sql.text(row[0]),
                    Sql.text(row[1]),
                    Sql.integer(row[2]),
                    Sql.integer(row[3]),
                    Sql.integer(row[4]),
                    Sql.integer(row[5]),
                    Sql.integer(row[6]),
                    Sql.decimal(row[7]),
                    Sql.decimal(row[8]),
                    Sql.integer(row[9])));
        }
        return new ReportTable(ID, title(), query.groupBy(), COLUMNS, rows);
    }

    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        return compute(query.groupedBy(null)).totalFigures();
    }

    /**
     * The events of the period, one row per event and dataset ({@code kind}, request, consent, AI company,
     * dataset, refusing provider, day, hours to decision), reduced to distinct facts per group, then counted.
     */
    static String sql(ReportDimension dimension) {
        GroupingSql grouping = GroupingSql.of(dimension, "e");
        String providerFilter = dimension == ReportDimension.PROVIDER
                ? " WHERE e.provider_id IS NULL OR e.provider_id = g_dp.organization_id"
                : "";
        String decided = "r.decided_at >= CAST(:start AS timestamptz) AND r.decided_at < CAST(:end AS timestamptz)";
        return """
                WITH %1$s,
                ev AS (
                    SELECT 'RECEIVED' AS kind, r.id AS request_id, CAST(NULL AS uuid) AS consent_id,
                           r.organization_id, i.dataset_id, CAST(NULL AS uuid) AS provider_id,
                           %2$s AS day, CAST(NULL AS numeric) AS hours
                    FROM access_request r JOIN access_request_item i ON i.request_id = r.id
                    WHERE r.created_at >= CAST(:start AS timestamptz) AND r.created_at < CAST(:end AS timestamptz)
                    UNION ALL
                    SELECT r.status, r.id, NULL, r.organization_id, i.dataset_id, NULL, %3$s,
                           EXTRACT(EPOCH FROM r.decided_at - r.created_at) / 3600
                    FROM access_request r JOIN access_request_item i ON i.request_id = r.id
                    WHERE r.status IN ('APPROVED', 'REJECTED', 'WITHDRAWN') AND %4$s
                    UNION ALL
                    SELECT 'CONSENT_REFUSED', c.request_id, c.id, r.organization_id, c.dataset_id,
                           c.provider_org_id, %5$s, NULL
                    FROM consent c JOIN access_request r ON r.id = c.request_id
                    WHERE c.decision = 'REFUSED' AND c.decided_at >= CAST(:start AS timestamptz)
                          AND c.decided_at < CAST(:end AS timestamptz)
                    UNION ALL
                    SELECT 'SERVED', NULL, NULL, a.organization_id, a.dataset_id, NULL, a.day, NULL
                    FROM (%6$s) a
                ),
                facts AS (
                    SELECT DISTINCT %7$s AS group_key, %8$s AS group_name, e.kind, e.request_id, e.consent_id,
                           e.organization_id, e.hours
                    FROM ev e%9$s%10$s
                )
                SELECT %11$s,
                       count(DISTINCT organization_id) FILTER (WHERE kind = 'SERVED'),
                       count(DISTINCT request_id) FILTER (WHERE kind = 'RECEIVED'),
                       count(DISTINCT request_id) FILTER (WHERE kind = 'APPROVED'),
                       count(DISTINCT request_id) FILTER (WHERE kind = 'REJECTED'),
                       count(DISTINCT request_id) FILTER (WHERE kind = 'WITHDRAWN'),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours)
                           FILTER (WHERE kind IN ('APPROVED', 'REJECTED')),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY hours)
                           FILTER (WHERE kind IN ('APPROVED', 'REJECTED')),
                       count(DISTINCT consent_id) FILTER (WHERE kind = 'CONSENT_REFUSED')
                FROM facts
                """.formatted(
                                Sql.GRANT_SPANS,
                                Sql.day("r.created_at"),
                                Sql.day("r.decided_at"),
                                decided,
                                Sql.day("c.decided_at"),
                                Sql.ACTIVE_GRANT_MONTHS,
                                grouping.key(),
                                grouping.label(),
                                grouping.joins(),
                                providerFilter,
                                dimension == null ? "CAST(NULL AS text), 'Total'" : "group_key, group_name")
                + (dimension == null ? "" : "GROUP BY group_key, group_name\nORDER BY " + order(dimension));
    }

    /** Months in time order, anything else by name (then key, for equal names). */
    static String order(ReportDimension dimension) {
        return dimension == ReportDimension.MONTH ? "group_key" : "group_name NULLS LAST, group_key";
    }
}
