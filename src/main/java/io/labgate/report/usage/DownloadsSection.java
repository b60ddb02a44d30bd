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
 * Downloads per access path: REST streamed ({@code stream*}), the S3-compatible endpoint's GetObject ({@code s3*}),
 * transfers of either cut short ({@code cut*}: their bytes left all the same) and presigned links ({@code link*};
 * LabGate sees the link, not the download, so its bytes are what the links offered). One row in total, or one per group of any dimension. docs/reports.md defines
 * every column.
 */
@ApplicationScoped
public class DownloadsSection implements ReportSection {

    static final String ID = "downloads";

    static final List<ReportColumn> FIGURES = List.of(
            ReportColumn.integer("streamObjects", "Streamed downloads (REST)"),
            ReportColumn.integer("streamBytes", "Bytes streamed (REST)"),
            ReportColumn.integer("s3Objects", "S3 GetObject downloads"),
            ReportColumn.integer("s3Bytes", "Bytes sent by S3 GetObject"),
            ReportColumn.integer("cutTransfers", "Transfers cut short (REST + S3)"),
            ReportColumn.integer("cutBytes", "Bytes sent by transfers cut short"),
            ReportColumn.integer("linkObjects", "Presigned links issued"),
            ReportColumn.integer("linkBytesOffered", "Bytes offered by presigned links"),
            ReportColumn.integer("objects", "Complete downloads and links, all paths"),
            ReportColumn.integer("bytesDelivered", "Bytes that left through LabGate (REST + S3, complete and cut)"));

    /** The figures' aggregates, in the order of {@link #FIGURES}, over {@code u}. */
    static final List<String> AGGREGATES = List.of(
            UsageSql.sum("u.events", UsageSql.STREAM),
            UsageSql.sum("u.bytes", UsageSql.STREAM),
            UsageSql.sum("u.events", UsageSql.S3),
            UsageSql.sum("u.bytes", UsageSql.S3),
            UsageSql.sum("u.events", UsageSql.CUT),
            UsageSql.sum("u.bytes", UsageSql.CUT),
            UsageSql.sum("u.events", UsageSql.LINK),
            UsageSql.sum("u.bytes", UsageSql.LINK),
            UsageSql.sum("u.events", UsageSql.COMPLETE),
            UsageSql.sum("u.bytes", UsageSql.LEFT));

    @Inject
    UsageSql sql;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Downloads by access path";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        return EnumSet.allOf(ReportDimension.class);
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        ReportDimension dimension = query.groupBy();
        List<ReportColumn> columns = new ArrayList<>(UsageSql.GROUP_COLUMNS);
        columns.addAll(FIGURES);
        return new ReportTable(ID, title(), dimension, columns, sql.rows(select(query), query, columns));
    }

    static String select(ReportQuery query) {
        ReportDimension dimension = query.groupBy();
        GroupingSql g = UsageSql.grouping(dimension);
        String select = "SELECT " + g.key() + ", " + g.label() + ", " + String.join(", ", AGGREGATES) + " FROM "
                + UsageSql.relation(query.source()) + g.joins() + " WHERE " + UsageSql.DOWNLOAD;
        // ungrouped: no GROUP BY, so exactly one row, zeros when nothing was downloaded
        return dimension == null ? select : select + " GROUP BY 1, 2 ORDER BY 2, 1";
    }

    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        return compute(query.groupedBy(null)).totalFigures();
    }
}
