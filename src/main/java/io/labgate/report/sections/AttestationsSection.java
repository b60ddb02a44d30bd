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
 * Destruction attestations whose due time falls in the period (issue 14), counted where they stand when the report
 * is made: attested on time (the standing submission, SUBMITTED or ACCEPTED, came at or before the due time),
 * attested late, overdue (DUE or REJECTED and the due time has passed), accepted, and the rejections they had.
 * Grouped by month, an attestation counts in the month of its due time. docs/reports.md defines each column.
 */
@ApplicationScoped
public class AttestationsSection implements ReportSection {

    public static final String ID = "attestations";

    static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.text("group", "Group key"),
            ReportColumn.text("groupName", "Group"),
            ReportColumn.integer("attestationsDue", "Attestations due"),
            ReportColumn.integer("attestedOnTime", "Attested on time"),
            ReportColumn.integer("attestedLate", "Attested late"),
            ReportColumn.integer("attestationsOverdue", "Overdue (not attested, due time passed)"),
            ReportColumn.integer("attestationsAccepted", "Accepted by an operator"),
            ReportColumn.integer("attestationRejections", "Rejections by an operator"));

    static final Set<String> SUMMARY = Set.of("attestationsDue", "attestedOnTime", "attestationsOverdue");

    @Inject
    EntityManager em;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Destruction attestations: due, attested on time or late, overdue, accepted, rejected";
    }

    @Override
    public int order() {
        return 25;
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
                    Sql.integer(row[6]),
                    Sql.integer(row[7])));
        }
        return new ReportTable(ID, title(), query.groupBy(), COLUMNS, rows);
    }

    /** Due, attested on time, overdue: the three headline figures (the summary page has room for few). */
    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        return compute(query.groupedBy(null)).totalFigures().stream()
                .filter(f -> SUMMARY.contains(f.key()))
                .toList();
    }

    static String sql(ReportDimension dimension) {
        GroupingSql grouping = GroupingSql.of(dimension, "e");
        return """
                WITH e AS (
                    SELECT a.id, a.organization_id, a.dataset_id, a.status, a.due_at, a.submitted_at, a.rejections,
                           %1$s AS day
                    FROM destruction_attestation a
                    WHERE a.due_at >= CAST(:start AS timestamptz) AND a.due_at < CAST(:end AS timestamptz)
                )
                SELECT %2$s AS group_key, %3$s AS group_name,
                       count(DISTINCT e.id),
                       count(DISTINCT e.id) FILTER (WHERE e.status IN ('SUBMITTED', 'ACCEPTED')
                                                     AND e.submitted_at <= e.due_at),
                       count(DISTINCT e.id) FILTER (WHERE e.status IN ('SUBMITTED', 'ACCEPTED')
                                                     AND e.submitted_at > e.due_at),
                       count(DISTINCT e.id) FILTER (WHERE e.status IN ('DUE', 'REJECTED') AND e.due_at <= now()),
                       count(DISTINCT e.id) FILTER (WHERE e.status = 'ACCEPTED'),
                       COALESCE(sum(e.rejections), 0)
                FROM e%4$s
                """.formatted(Sql.day("a.due_at"), grouping.key(), grouping.label(), grouping.joins())
                + (dimension == null ? "" : "GROUP BY 1, 2\nORDER BY " + RequestsSection.order(dimension));
    }
}
