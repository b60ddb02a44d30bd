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
            ReportColumn.text("providerId", "Data provider (id)"),
            ReportColumn.text("provider", "Data provider"),
            ReportColumn.text("organizationId", "AI company (id)"),
            ReportColumn.text("organization", "AI company"),
            ReportColumn.text("datasetCode", "Dataset (code)"),
            ReportColumn.text("dataset", "Dataset"));

    private static final List<ReportColumn> MONTH = List.of(ReportColumn.text("month", "Month"));

    /** The downloads figures, as {@link DownloadsSection} computes them, named for SQL. */
    private static final List<String> FIGURE_NAMES = DownloadsSection.FIGURES.stream()
            .map(c -> c.key().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT))
            .toList();

    /** Per (company, dataset, month): the downloads figures of {@link DownloadsSection} and the active days. */
    private static final String PER_MONTH = java.util.stream.IntStream.range(0, FIGURE_NAMES.size())
                    .mapToObj(i -> DownloadsSection.AGGREGATES.get(i) + " AS " + FIGURE_NAMES.get(i))
                    .collect(java.util.stream.Collectors.joining(", "))
            + ", " + UsageSql.daysIn("u.days") + " AS days_active";

    /** Their sums over the months (active days included). */
    private static final String TOTALS =
            String.join(
                            ", ",
                            FIGURE_NAMES.stream()
                                    .map(f -> "sum(d." + f + ")::bigint AS " + f)
                                    .toList()) + ", sum(d.days_active)::bigint AS days_active";

    /** What the outer query selects of the totals. */
    private static final String FIGURES =
            String.join(", ", FIGURE_NAMES.stream().map(f -> "t." + f).toList()) + ", t.days_active";

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
        return 60;
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
        columns.add(ReportColumn.integer("daysActive", "Days with a download, a cut transfer or a link (KST)"));
        return new ReportTable(
                ID, title(), monthly ? ReportDimension.MONTH : null, columns, sql.rows(select(query), query, columns));
    }

    /**
     * Aggregates by company, dataset and month first (a month's active days are the bits of the OR of its rows' day
     * masks), then by company and dataset (and month), and only then joins providers and names: the big
     * aggregation runs on ids alone.
     */
    static String select(ReportQuery query) {
        boolean monthly = query.groupBy() == ReportDimension.MONTH;
        String unknown = "'" + UsageSql.UNKNOWN + "'";
        String perMonth = "SELECT u.organization_id, u.dataset_id, date_trunc('month', u.day)::date AS day, "
                + PER_MONTH + " FROM " + UsageSql.relation(query.source()) + " WHERE " + UsageSql.DOWNLOAD
                + " GROUP BY 1, 2, 3";
        String totals = "SELECT d.organization_id, d.dataset_id, "
                + (monthly ? "to_char(d.day, 'YYYY-MM') AS month, " : "") + TOTALS + " FROM (" + perMonth + ") d "
                + "GROUP BY 1, 2" + (monthly ? ", 3" : "");
        return "SELECT dp.organization_id::text, coalesce(prov.name, " + unknown + "), t.organization_id::text, "
                + "coalesce(org.name, " + unknown + "), ds.code, coalesce(ds.title, " + unknown + "), "
                + (monthly ? "t.month, " : "") + FIGURES
                + " FROM (" + totals + ") t"
                + " LEFT JOIN dataset_provider dp ON dp.dataset_id = t.dataset_id"
                + " LEFT JOIN organization prov ON prov.id = dp.organization_id"
                + " LEFT JOIN organization org ON org.id = t.organization_id"
                + " LEFT JOIN dataset ds ON ds.id = t.dataset_id"
                + " ORDER BY 2, 1, 4, 3, 5, 6" + (monthly ? ", t.month" : "");
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
                new ReportFigure(ID, "providersUsed", "Data providers whose data was used", (long) providers.size()),
                new ReportFigure(ID, "companiesActive", "AI companies that used data", (long) companies.size()),
                new ReportFigure(ID, "uses", "Provider × AI company × dataset uses", (long) rows.size()));
    }
}
