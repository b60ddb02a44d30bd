package io.labgate.report.sections;

import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSection;
import io.labgate.report.ReportTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Bucket usage against quota over time, from the samples the reconcile job (or an operator's reconcile) takes:
 * per bucket and KST day with a sample, the last sample of that day; grouped by month, the last sample of the
 * month. Days without a sample have no row. docs/reports.md defines each column.
 */
@ApplicationScoped
public class StorageSection implements ReportSection {

    public static final String ID = "storage";

    @Inject
    EntityManager em;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Storage: bucket usage against quota over time (last sample per day or month)";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        return EnumSet.of(ReportDimension.MONTH);
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        boolean monthly = query.groupBy() == ReportDimension.MONTH;
        List<ReportColumn> columns = List.of(
                monthly ? ReportColumn.text("month", "Month") : ReportColumn.date("day", "Day"),
                ReportColumn.text("bucketId", "Bucket id"),
                ReportColumn.text("bucket", "Bucket"),
                ReportColumn.text("purpose", "Purpose"),
                ReportColumn.text("sampledAt", "Last sample at"),
                ReportColumn.text("present", "Present in the store"),
                ReportColumn.integer("objects", "Objects"),
                ReportColumn.integer("usedBytes", "Used bytes"),
                ReportColumn.integer("quotaBytes", "Quota bytes"),
                ReportColumn.decimal("usageRatio", "Used / quota"),
                ReportColumn.integer("samples", "Samples"));
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : Sql.rows(em, sql(monthly), Sql.period(query))) {
            Object slot = monthly ? Sql.text(row[0]) : LocalDate.parse(row[0].toString());
            rows.add(Arrays.asList(
                    slot,
                    Sql.text(row[1]),
                    Sql.text(row[2]),
                    Sql.text(row[3]),
                    Sql.text(row[4]),
                    Boolean.toString((Boolean) row[5]),
                    Sql.integer(row[6]),
                    Sql.integer(row[7]),
                    Sql.integer(row[8]),
                    Sql.decimal(row[9]),
                    Sql.integer(row[10])));
        }
        return new ReportTable(ID, title(), monthly ? ReportDimension.MONTH : null, columns, rows);
    }

    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        Object[] row = Sql.rows(em, """
                WITH last AS (
                    SELECT DISTINCT ON (s.bucket_id) s.used_bytes, s.quota_bytes
                    FROM bucket_usage_sample s
                    WHERE s.sampled_at >= CAST(:start AS timestamptz) AND s.sampled_at < CAST(:end AS timestamptz)
                    ORDER BY s.bucket_id, s.sampled_at DESC, s.id
                )
                SELECT count(*), COALESCE(sum(used_bytes), 0), COALESCE(sum(quota_bytes), 0),
                       max(CAST(used_bytes AS numeric) / quota_bytes)
                FROM last
                """, Sql.period(query)).get(0);
        BigDecimal used = new BigDecimal(row[1].toString());
        BigDecimal quota = new BigDecimal(row[2].toString());
        return List.of(
                new ReportFigure(ID, "buckets", "Buckets sampled in the period", Sql.integer(row[0])),
                new ReportFigure(ID, "usedBytes", "Used bytes at each bucket's last sample", Sql.integer(row[1])),
                new ReportFigure(ID, "quotaBytes", "Quota bytes at each bucket's last sample", Sql.integer(row[2])),
                new ReportFigure(
                        ID,
                        "usageRatio",
                        "Used / quota over those buckets",
                        ServerUtilisationSection.ratio(used, quota)),
                new ReportFigure(ID, "maxUsageRatio", "Highest used / quota of one bucket", Sql.decimal(row[3])));
    }

    static String sql(boolean monthly) {
        String slot = monthly
                ? "to_char(s.sampled_at AT TIME ZONE " + Sql.ZONE + ", 'YYYY-MM')"
                : "CAST(" + Sql.day("s.sampled_at") + " AS text)";
        return """
                WITH sampled AS (
                    SELECT %1$s AS slot, s.*,
                           count(*) OVER (PARTITION BY s.bucket_id, %1$s) AS samples,
                           row_number() OVER (PARTITION BY s.bucket_id, %1$s ORDER BY s.sampled_at DESC, s.id)
                               AS latest
                    FROM bucket_usage_sample s
                    WHERE s.sampled_at >= CAST(:start AS timestamptz) AND s.sampled_at < CAST(:end AS timestamptz)
                )
                SELECT x.slot, CAST(b.id AS text), b.name, b.purpose,
                       to_char(x.sampled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       x.present, x.object_count, x.used_bytes, x.quota_bytes,
                       CAST(x.used_bytes AS numeric) / x.quota_bytes, x.samples
                FROM sampled x JOIN storage_bucket b ON b.id = x.bucket_id
                WHERE x.latest = 1
                ORDER BY b.name, x.slot
                """.formatted(slot);
    }
}
