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
 * What left the lab (반출): exports asked for in the period, and those decided in it — approved (released), refused
 * by reason (by the automatic checks: a dataset object, a type or size the policy does not allow, an archive that
 * cannot be opened; by a reviewer; by a provider's veto) — the median time from asking to a person's decision, and
 * the bytes released. An export asked again after changes counts once. docs/reports.md defines each column.
 */
@ApplicationScoped
public class ExportsSection implements ReportSection {

    public static final String ID = "exports";

    static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.text("group", "Group key"),
            ReportColumn.text("groupName", "Group"),
            ReportColumn.integer("exportsRequested", "Exports asked for"),
            ReportColumn.integer("exportsApproved", "Approved and released"),
            ReportColumn.integer("exportsRefused", "Refused"),
            ReportColumn.integer("refusedDatasetObject", "Refused: a dataset object"),
            ReportColumn.integer("refusedTypeOrSize", "Refused: type or size"),
            ReportColumn.integer("refusedNotInspectable", "Refused: archive not inspectable"),
            ReportColumn.integer("refusedByReviewer", "Refused by a reviewer"),
            ReportColumn.integer("vetoedByProvider", "Vetoed by a provider"),
            ReportColumn.decimal("medianHoursToDecision", "Median hours to a reviewer's decision"),
            ReportColumn.integer("bytesReleased", "Bytes released"));

    @Inject
    EntityManager em;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Exports: asked for, approved, refused by reason, time to decision, bytes released";
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        // an export derives from several datasets and providers: it is grouped by its company and its month only
        return EnumSet.of(ReportDimension.MONTH, ReportDimension.ORGANIZATION);
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : Sql.rows(em, sql(query.groupBy()), Sql.period(query))) {
            List<Object> values = new ArrayList<>(Arrays.asList(Sql.text(row[0]), Sql.text(row[1])));
            for (int i = 2; i < COLUMNS.size(); i++) {
                values.add(
                        COLUMNS.get(i).key().equals("medianHoursToDecision")
                                ? Sql.decimal(row[i])
                                : Sql.integer(row[i]));
            }
            rows.add(values);
        }
        return new ReportTable(ID, title(), query.groupBy(), COLUMNS, rows);
    }

    /** The headline figures only (the summary is one page); the refusal reasons are in the section's table. */
    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        Set<String> headline = Set.of("exportsRequested", "exportsApproved", "exportsRefused", "bytesReleased");
        return compute(query.groupedBy(null)).totalFigures().stream()
                .filter(f -> headline.contains(f.key()))
                .toList();
    }

    static String sql(ReportDimension dimension) {
        GroupingSql grouping = GroupingSql.of(dimension, "e");
        return """
                WITH e AS (
                    SELECT 'REQUESTED' AS kind, x.id, x.organization_id, %1$s AS day, NULL::text AS refusal,
                           NULL::double precision AS hours, 0::bigint AS bytes
                    FROM export_request x
                    WHERE x.created_at >= CAST(:start AS timestamptz) AND x.created_at < CAST(:end AS timestamptz)
                    UNION ALL
                    SELECT CASE WHEN x.status = 'REFUSED' THEN 'REFUSED' ELSE 'APPROVED' END, x.id,
                           x.organization_id, %2$s, x.refusal,
                           CASE WHEN x.refusal IS NULL OR x.refusal IN ('REVIEWER_REFUSED', 'PROVIDER_VETO')
                                THEN extract(epoch FROM x.decided_at - x.created_at) / 3600 END,
                           CASE WHEN x.status <> 'REFUSED' THEN x.total_bytes ELSE 0 END
                    FROM export_request x
                    WHERE x.decided_at >= CAST(:start AS timestamptz) AND x.decided_at < CAST(:end AS timestamptz)
                      AND (x.status = 'REFUSED' OR x.released_until IS NOT NULL)
                )
                SELECT %3$s AS group_key, %4$s AS group_name,
                       count(DISTINCT e.id) FILTER (WHERE e.kind = 'REQUESTED'),
                       count(DISTINCT e.id) FILTER (WHERE e.kind = 'APPROVED'),
                       count(DISTINCT e.id) FILTER (WHERE e.kind = 'REFUSED'),
                       count(DISTINCT e.id) FILTER (WHERE e.refusal = 'DATASET_OBJECT'),
                       count(DISTINCT e.id) FILTER (WHERE e.refusal IN ('TYPE_NOT_ALLOWED', 'TOO_LARGE')),
                       count(DISTINCT e.id) FILTER (WHERE e.refusal = 'NOT_INSPECTABLE'),
                       count(DISTINCT e.id) FILTER (WHERE e.refusal = 'REVIEWER_REFUSED'),
                       count(DISTINCT e.id) FILTER (WHERE e.refusal = 'PROVIDER_VETO'),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY e.hours) FILTER (WHERE e.hours IS NOT NULL),
                       coalesce(sum(e.bytes), 0)
                FROM e%5$s
                """.formatted(
                                Sql.day("x.created_at"),
                                Sql.day("x.decided_at"),
                                grouping.key(),
                                grouping.label(),
                                grouping.joins())
                + (dimension == null ? "" : "GROUP BY 1, 2\nORDER BY " + RequestsSection.order(dimension));
    }
}
