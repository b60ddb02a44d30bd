package io.labgate.report.usage;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data providers' view: for each provider, which AI company used which of the datasets made from its data,
 * and how much (downloads per path, bytes, days active); by month when grouped by {@link ReportDimension#MONTH}.
 * A dataset made from several providers' data appears once under each of them.
 */
@ApplicationScoped
public class TransparencySection implements ReportSection {

    static final String ID = "transparency";

    private static final List<ReportColumn> KEYS = List.of(
            ReportColumn.text("provider_id", "Data provider (id)"),
            ReportColumn.text("provider", "Data provider"),
            ReportColumn.text("organization_id", "AI company (id)"),
            ReportColumn.text("organization", "AI company"),
            ReportColumn.text("dataset_code", "Dataset (code)"),
            ReportColumn.text("dataset", "Dataset"));

    private static final List<ReportColumn> MONTH = List.of(ReportColumn.text("month", "Month"));

    private static final String AGGREGATES = String.join(", ",
            UsageSql.sum("u.events", UsageSql.STREAM), UsageSql.sum("u.bytes", UsageSql.STREAM),
            UsageSql.sum("u.events", UsageSql.S3), UsageSql.sum("u.bytes", UsageSql.S3),
            UsageSql.sum("u.events", UsageSql.LINK), UsageSql.sum("u.bytes", UsageSql.LINK),
            UsageSql.sum("u.events", UsageSql.DOWNLOAD),
            UsageSql.sum("u.bytes", "(" + UsageSql.STREAM + " OR " + UsageSql.S3 + ")"),
            "count(DISTINCT u.day)");

    @Inject
    UsageSql sql;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Transparency: who used each provider's data";
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        return EnumSet.of(ReportDimension.MONTH);
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        boolean monthly = query.groupBy() == ReportDimension.MONTH;
        List<ReportColumn> columns = new ArrayList<>(KEYS);
        if (monthly) {
            columns.addAll(MONTH);
        }
        columns.addAll(DownloadsSection.FIGURES);
        columns.add(ReportColumn.integer("days_active", "Days with a download or link (KST)"));
        return new ReportTable(ID, title(), monthly ? ReportDimension.MONTH : null, columns,
                sql.rows(select(query), query, columns));
    }

    static String select(ReportQuery query) {
        boolean monthly = query.groupBy() == ReportDimension.MONTH;
        String unknown = "'" + UsageSql.UNKNOWN + "'";
        return "SELECT dp.organization_id::text, coalesce(prov.name, " + unknown + "), u.organization_id::text, "
                + "coalesce(org.name, " + unknown + "), ds.code, coalesce(ds.title, " + unknown + "), "
                + (monthly ? "to_char(u.day, 'YYYY-MM'), " : "") + AGGREGATES
                + " FROM " + UsageSql.relation(query.source())
                + " LEFT JOIN dataset_provider dp ON dp.dataset_id = u.dataset_id"
                + " LEFT JOIN organization prov ON prov.id = dp.organization_id"
                + " LEFT JOIN organization org ON org.id = u.organization_id"
                + " LEFT JOIN dataset ds ON ds.id = u.dataset_id"
                + " WHERE " + UsageSql.DOWNLOAD
                + " GROUP BY 1, 2, 3, 4, 5, 6" + (monthly ? ", 7" : "")
                + " ORDER BY 2, 1, 4, 3, 5, 6" + (monthly ? ", 7" : "");
    }

    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        Set<String> companies = new HashSet<>();
        Set<String> providers = new HashSet<>();
        List<List<Object>> rows = compute(query.groupedBy(null)).rows();
        for (List<Object> row : rows) {
            providers.add(String.valueOf(row.get(0)));
            companies.add(String.valueOf(row.get(2)));
        }
        return List.of(
                new ReportFigure(ID, "providers_used", "Data providers whose data was used", (long) providers.size()),
                new ReportFigure(ID, "companies_active", "AI companies that used data", (long) companies.size()),
                new ReportFigure(ID, "uses", "Provider × AI company × dataset uses", (long) rows.size()));
    }
}
