package io.labgate.report.usage;

import io.labgate.report.GroupingSql;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSection;
import io.labgate.report.ReportTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Refused accesses by reason: one row per reason, or per group and reason. Refusals whose organization or dataset
 * the log does not know (e.g. an unknown S3 access key) form the group {@code (unknown)}: never dropped.
 */
@ApplicationScoped
public class RefusalsSection implements ReportSection {

    static final String ID = "refusals";

    @Inject
    UsageSql sql;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Refused accesses by reason";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        return EnumSet.allOf(ReportDimension.class);
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        ReportDimension dimension = query.groupBy();
        List<ReportColumn> columns = new ArrayList<>(UsageSql.GROUP_COLUMNS);
        columns.add(ReportColumn.text("reason", "Reason"));
        columns.add(ReportColumn.integer("refusals", "Refusals"));
        return new ReportTable(ID, title(), dimension, columns, sql.rows(select(query), query, columns));
    }

    static String select(ReportQuery query) {
        GroupingSql g = UsageSql.grouping(query.groupBy());
        return "SELECT " + g.key() + ", " + g.label() + ", coalesce(u.reason, '" + UsageSql.UNKNOWN + "'), "
                + "sum(u.events)::bigint FROM " + UsageSql.relation(query.source()) + g.joins() + " WHERE "
                + UsageSql.REFUSAL + " GROUP BY 1, 2, 3 ORDER BY 2, 1, 4 DESC, 3";
    }

    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        long total = 0;
        for (List<Object> row : compute(query.groupedBy(null)).rows()) {
            total += (Long) row.get(3);
        }
        return List.of(new ReportFigure(ID, "refusals", "Refused accesses", total));
    }
}
