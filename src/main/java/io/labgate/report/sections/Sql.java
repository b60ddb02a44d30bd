package io.labgate.report.sections;

import io.labgate.platform.time.LabTime;
import io.labgate.report.ReportQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Native SQL helpers for the sections: the period's parameters, running a query, reading its cells. */
final class Sql {

    /** Hours, ratios and other decimals are given with this many decimals. */
    static final int SCALE = 6;

    /** The report zone as SQL sees it, for {@code AT TIME ZONE}. */
    static final String ZONE = "'" + LabTime.ZONE.getId() + "'";

    /**
     * Every grant with the moment it ended or will end: the first revocation if it came before the end of its
     * period, else the end of its period ({@code valid_until}, extensions included: the clock ends a grant, the
     * expiry job only records it). A suspension does not end a grant. Columns: id, organization_id, dataset_id,
     * valid_from, ends_at, end_kind (REVOKED or EXPIRED).
     */
    static final String GRANT_SPANS = """
            grant_span AS (
                SELECT g.id, g.organization_id, g.dataset_id, g.valid_from,
                       LEAST(g.valid_until, COALESCE(rv.at, 'infinity'::timestamptz)) AS ends_at,
                       CASE WHEN rv.at IS NOT NULL AND rv.at < g.valid_until THEN 'REVOKED' ELSE 'EXPIRED' END
                           AS end_kind
                FROM access_grant g
                LEFT JOIN LATERAL (SELECT min(c.at) AS at FROM grant_change c
                                   WHERE c.grant_id = g.id AND c.action = 'REVOKED') rv ON true
            )""";

    /**
     * One row per grant active in the period and per month (KST) of the period in which it was active, with
     * {@code day} the first day of that month inside the period, from {@code grant_span}. Needs :start, :end,
     * :from.
     */
    static final String ACTIVE_GRANT_MONTHS = """
            SELECT gs.id AS grant_id, gs.organization_id, gs.dataset_id,
                   GREATEST(m.month_start::date, CAST(:from AS date)) AS day
            FROM grant_span gs
            CROSS JOIN LATERAL generate_series(
                    date_trunc('month', GREATEST(gs.valid_from, CAST(:start AS timestamptz)) AT TIME ZONE %1$s),
                    date_trunc('month', (LEAST(gs.ends_at, CAST(:end AS timestamptz)) - interval '1 microsecond')
                                        AT TIME ZONE %1$s),
                    interval '1 month') AS m(month_start)
            WHERE gs.valid_from < CAST(:end AS timestamptz) AND gs.ends_at > CAST(:start AS timestamptz)
            """.formatted(ZONE);

    private Sql() {}

    /** The local (KST) date of a timestamptz expression. */
    static String day(String timestamp) {
        return "(" + timestamp + " AT TIME ZONE " + ZONE + ")::date";
    }

    /** The period's parameters: :start and :end (instants), :from and :to (dates). */
    static Map<String, Object> period(ReportQuery query) {
        return Map.of(
                "start",
                query.period().start(),
                "end",
                query.period().end(),
                "from",
                query.period().from(),
                "to",
                query.period().to());
    }

    /** Runs a native query, binding those of the parameters that it names. */
    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager em, String sql, Map<String, Object> parameters) {
        Query query = em.createNativeQuery(sql);
        parameters.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        List<?> result = query.getResultList();
        return result.stream()
                .map(row -> row instanceof Object[] array ? array : new Object[] {row})
                .toList();
    }

    static Long integer(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return decimal.setScale(SCALE, RoundingMode.HALF_UP);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
