package io.labgate.report.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.report.ReportDimension;
import io.labgate.report.ReportPeriod;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSource;
import io.labgate.report.ReportTable;
import io.labgate.usage.UsageLogWriter;
import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The daily (V14) and monthly (V18) rollups against the raw log: the statement trigger with its transition table keeps it exactly
 * equal to the aggregate of usage_event, for multi-statement batches, concurrent writers and rows routed to any
 * partition; days are KST days. Events are written through {@link UsageLogWriter} (real chained events; the shared
 * log's chain stays valid for the other tests), each test with its own organizations.
 */
@QuarkusTest
class UsageRollupTest {

    /** The rollup and the aggregate of the raw events, each EXCEPT the other: no row may remain. */
    static final String DIFFERENCE = "WITH raw AS (SELECT (occurred_at AT TIME ZONE 'Asia/Seoul')::date AS day, "
            + "organization_id, dataset_version_id, action, outcome, reason, sum(occurrences) AS events, "
            + "coalesce(sum(bytes), 0)::bigint AS bytes FROM usage_event GROUP BY 1, 2, 3, 4, 5, 6), "
            + "rollup AS (SELECT day, organization_id, dataset_version_id, action, outcome, reason, events, bytes "
            + "FROM usage_daily_rollup) "
            + "SELECT 'only in rollup' AS side, * FROM (SELECT * FROM rollup EXCEPT SELECT * FROM raw) a "
            + "UNION ALL SELECT 'only in raw', * FROM (SELECT * FROM raw EXCEPT SELECT * FROM rollup) b";

    /** The same for the monthly rollup (V18): sums per KST month and the mask of the days that had events. */
    static final String MONTHLY_DIFFERENCE = "WITH raw AS (SELECT date_trunc('month', occurred_at AT TIME ZONE "
            + "'Asia/Seoul')::date AS month, organization_id, dataset_version_id, action, outcome, reason, "
            + "sum(occurrences) AS events, coalesce(sum(bytes), 0)::bigint AS bytes, bit_or(1 << (extract(day FROM "
            + "occurred_at AT TIME ZONE 'Asia/Seoul')::int - 1)) AS days FROM usage_event GROUP BY 1, 2, 3, 4, 5, 6), "
            + "rollup AS (SELECT month, organization_id, dataset_version_id, action, outcome, reason, events, bytes, "
            + "days FROM usage_monthly_rollup) "
            + "SELECT 'only in monthly rollup' AS side, * FROM (SELECT * FROM rollup EXCEPT SELECT * FROM raw) a "
            + "UNION ALL SELECT 'only in raw by month', * FROM (SELECT * FROM raw EXCEPT SELECT * FROM rollup) b";

    @Inject
    DataSource dataSource;

    @Inject
    UsageLog log;

    @Inject
    DownloadsSection downloads;

    @Test
    void rollupEqualsRawEventsAfterConcurrentWritersAndMultiStatementBatches() throws Exception {
        List<UUID> organizations = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> versions = new ArrayList<>(List.of(UUID.randomUUID(), UUID.randomUUID()));
        versions.add(null);
        // three writers, each with 5000 queued events before it starts: two batches of 2500, i.e. transactions of
        // three multi-row INSERT statements (1000 rows a statement), all three writers at once, plus the
        // application's own writer in the middle of them
        List<UsageLogWriter> writers = new ArrayList<>();
        List<CompletableFuture<LoggedEvent>> pending = new ArrayList<>();
        Map<UUID, long[]> expected = new HashMap<>();
        Random random = new Random(42);
        for (int w = 0; w < 3; w++) {
            UsageLogWriter writer =
                    new UsageLogWriter(dataSource, 2500, 5000, Clock.systemUTC(), new SimpleMeterRegistry());
            writers.add(writer);
            for (int i = 0; i < 5000; i++) {
                UsageEventDraft draft = randomDraft(random, organizations, versions);
                pending.add(writer.recordAsync(draft));
                count(expected, draft);
            }
        }
        try {
            writers.forEach(UsageLogWriter::start);
            for (int i = 0; i < 300; i++) {
                UsageEventDraft draft = randomDraft(random, organizations, versions);
                pending.add(log.recordAsync(draft));
                count(expected, draft);
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            writers.forEach(w -> w.stop(Duration.ofSeconds(30)));
        }

        // the rollup has exactly what was written, per organization
        Map<UUID, long[]> rolledUp = new HashMap<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement read =
                        db.prepareStatement("SELECT organization_id, sum(events), sum(bytes) FROM usage_daily_rollup "
                                + "WHERE organization_id = ANY (?) GROUP BY 1")) {
            read.setArray(1, db.createArrayOf("uuid", organizations.toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    rolledUp.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        assertThat(rolledUp).hasSize(3);
        for (UUID organization : organizations) {
            assertThat(rolledUp.get(organization))
                    .as("events and bytes of %s", organization)
                    .containsExactly(expected.get(organization));
        }
        // today's events were routed to a monthly partition, not the default one: the trigger on the partitioned
        // table saw them all the same
        try (Connection db = dataSource.getConnection();
                PreparedStatement where = db.prepareStatement(
                        "SELECT DISTINCT tableoid::regclass::text FROM usage_event WHERE organization_id = ANY (?)")) {
            where.setArray(1, db.createArrayOf("uuid", organizations.toArray()));
            try (ResultSet rs = where.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(1)).startsWith("usage_event_2").isNotEqualTo("usage_event_default");
                }
            }
        }
        // and over the whole log, the rollup is exactly the aggregate of the raw events
        assertThat(difference()).isEmpty();

        // rebuilding gives the same rollup
        long rows;
        try (Connection db = dataSource.getConnection();
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT usage_rollup_rebuild()")) {
            rs.next();
            rows = rs.getLong(1);
        }
        assertThat(rows).isPositive();
        assertThat(difference()).isEmpty();
    }

    /**
     * Without the chain's advisory lock: eight connections insert overlapping groups at once, many multi-row
     * statements each, and the rollup still equals the raw aggregate (no lost update, no duplicate key, no
     * deadlock). Done on copies of the two tables in a scratch schema (the trigger function resolves the rollup
     * through the search path), because unchained rows must not enter the shared log. As the database's superuser:
     * LabGate's own role may not create schemas (V25).
     */
    @Test
    void upsertIsCorrectForConcurrentInsertersWithoutTheChainLock() throws Exception {
        String schema =
                "rollup_race_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection db = io.labgate.testing.PublishedDatasets.database();
                Statement ddl = db.createStatement()) {
            ddl.execute("CREATE SCHEMA " + schema);
            ddl.execute("CREATE TABLE " + schema + ".usage_event (LIKE public.usage_event INCLUDING DEFAULTS) "
                    + "PARTITION BY RANGE (occurred_at)");
            ddl.execute("CREATE TABLE " + schema + ".usage_event_old PARTITION OF " + schema + ".usage_event "
                    + "FOR VALUES FROM ('2000-01-01') TO ('2020-01-01')");
            ddl.execute(
                    "CREATE TABLE " + schema + ".usage_event_default PARTITION OF " + schema + ".usage_event DEFAULT");
            ddl.execute("CREATE TABLE " + schema + ".usage_daily_rollup (LIKE public.usage_daily_rollup "
                    + "INCLUDING DEFAULTS INCLUDING CONSTRAINTS, CONSTRAINT usage_daily_rollup_key UNIQUE NULLS NOT "
                    + "DISTINCT (day, organization_id, dataset_version_id, action, outcome, reason))");
            ddl.execute("CREATE TABLE " + schema + ".usage_monthly_rollup (LIKE public.usage_monthly_rollup "
                    + "INCLUDING DEFAULTS INCLUDING CONSTRAINTS, CONSTRAINT usage_monthly_rollup_key UNIQUE NULLS "
                    + "NOT DISTINCT (month, organization_id, dataset_version_id, action, outcome, reason))");
            ddl.execute(
                    "CREATE TRIGGER usage_event_rollup AFTER INSERT ON " + schema + ".usage_event "
                            + "REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION public.usage_rollup_add()");
        }
        try {
            int threads = 8;
            int statements = 40;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    try (Connection db = io.labgate.testing.PublishedDatasets.database();
                            Statement insert = db.createStatement()) {
                        insert.execute("SET search_path = " + schema + ", public");
                        try {
                            race(insert, thread, statements);
                        } finally {
                            insert.execute("RESET search_path");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            try (Connection db = io.labgate.testing.PublishedDatasets.database();
                    Statement check = db.createStatement()) {
                check.execute("SET search_path = " + schema + ", public");
                try {
                    try (ResultSet rs =
                            check.executeQuery("SELECT count(*), sum(events), sum(bytes) FROM usage_daily_rollup")) {
                        rs.next();
                        assertThat(rs.getLong(2)).isEqualTo((long) threads * statements * 200);
                        assertThat(rs.getLong(3)).isEqualTo((long) threads * statements * (200 * 201 / 2));
                        assertThat(rs.getLong(1)).as("groups").isLessThanOrEqualTo(2 * 3 * 3);
                    }
                    try (ResultSet rs = check.executeQuery(DIFFERENCE)) {
                        assertThat(rs.next()).as("rollup differs from raw").isFalse();
                    }
                    try (ResultSet rs = check.executeQuery(MONTHLY_DIFFERENCE)) {
                        assertThat(rs.next())
                                .as("monthly rollup differs from raw")
                                .isFalse();
                    }
                } finally {
                    check.execute("RESET search_path");
                }
            }
        } finally {
            try (Connection db = io.labgate.testing.PublishedDatasets.database();
                    Statement ddl = db.createStatement()) {
                ddl.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** Inserts 200 rows a statement; every statement of every thread hits the same few groups. */
    private static void race(Statement insert, int thread, int statements) throws SQLException {
        for (int i = 0; i < statements; i++) {
            // organization NULL or one of two, reason NULL, x or y, two days (one in each partition)
            insert.executeUpdate("INSERT INTO usage_event (id, seq, occurred_at, organization_id, subject, action, "
                    + "outcome, reason, bytes, prev_hash, hash) "
                    + "SELECT gen_random_uuid(), " + (thread * 1_000_000L + i * 1000L) + " + g, "
                    + "CASE WHEN g % 2 = 0 THEN timestamptz '2019-06-30 23:00:00+09' "
                    + "ELSE timestamptz '2021-07-01 00:30:00+09' END, "
                    + "CASE WHEN g % 3 = 0 THEN NULL ELSE 'aaaaaaaa-0000-4000-8000-00000000000' || (g % 2) END::uuid, "
                    + "'race', 'OBJECT_STREAMED', 'SUCCESS', (ARRAY[NULL, 'x', 'y'])[g % 3 + 1], g, "
                    + "repeat('0', 64), repeat('0', 64) FROM generate_series(1, 200) g");
        }
    }

    @Test
    void rollupCountsNullGroupsOnceAndUpsertsAcrossStatements() throws Exception {
        UUID organization = UUID.randomUUID();
        // the same group (reason and version NULL) written in three separate transactions: one row, summed
        for (int i = 1; i <= 3; i++) {
            log.record(UsageEventDraft.builder(UsageAction.OBJECT_STREAMED, UsageOutcome.SUCCESS, "rollup-test")
                    .organization(organization)
                    .bytes(100L * i)
                    .build());
        }
        log.record(UsageEventDraft.builder(UsageAction.OBJECT_LISTED, UsageOutcome.SUCCESS, "rollup-test")
                .organization(organization)
                .build());
        try (Connection db = dataSource.getConnection();
                PreparedStatement read = db.prepareStatement(
                        "SELECT action, reason, dataset_version_id, events, bytes FROM usage_daily_rollup "
                                + "WHERE organization_id = ? ORDER BY action")) {
            read.setObject(1, organization);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("OBJECT_LISTED");
                assertThat(rs.getLong(4)).isEqualTo(1);
                assertThat(rs.getLong(5)).as("no bytes: 0").isZero();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("OBJECT_STREAMED");
                assertThat(rs.getString(2)).isNull();
                assertThat(rs.getObject(3)).isNull();
                assertThat(rs.getLong(4)).isEqualTo(3);
                assertThat(rs.getLong(5)).isEqualTo(600);
                assertThat(rs.next())
                        .as("one row per group, NULLs not distinct")
                        .isFalse();
            }
        }
    }

    @Test
    void kstMidnightSplitsDaysAndMonths() throws Exception {
        UUID organization = UUID.randomUUID();
        // 2025-12-31 23:59:59 KST and 2026-01-01 00:00:00 KST: both in the UTC day and month 2025-12-31
        Instant lastSecond = Instant.parse("2025-12-31T14:59:59Z");
        Instant midnight = Instant.parse("2025-12-31T15:00:00Z");
        write(lastSecond, organization, 1111);
        write(midnight, organization, 2222);

        try (Connection db = dataSource.getConnection();
                PreparedStatement read = db.prepareStatement(
                        "SELECT day, events, bytes FROM usage_daily_rollup WHERE organization_id = ? ORDER BY day")) {
            read.setObject(1, organization);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2025, 12, 31));
                assertThat(rs.getLong(3)).isEqualTo(1111);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 1));
                assertThat(rs.getLong(3)).isEqualTo(2222);
                assertThat(rs.next()).isFalse();
            }
        }
        // a report of one KST day sees only that day's event, from either source
        for (ReportSource source : ReportSource.values()) {
            assertThat(streamedBytes(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), source, organization))
                    .as(source.name())
                    .isEqualTo(1111);
            assertThat(streamedBytes(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), source, organization))
                    .as(source.name())
                    .isEqualTo(2222);
            assertThat(streamedBytes(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 31), source, organization))
                    .as(source.name())
                    .isEqualTo(3333);
        }
        // and by month they fall into December and January
        try (Connection db = dataSource.getConnection();
                PreparedStatement read = db.prepareStatement(
                        "SELECT to_char(day, 'YYYY-MM'), sum(bytes) FROM usage_daily_rollup WHERE organization_id = ? "
                                + "GROUP BY 1 ORDER BY 1")) {
            read.setObject(1, organization);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("2025-12");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("2026-01");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private long streamedBytes(LocalDate from, LocalDate to, ReportSource source, UUID organization) {
        ReportTable table =
                downloads.compute(new ReportQuery(new ReportPeriod(from, to), ReportDimension.ORGANIZATION, source));
        return table.rows().stream()
                .filter(row -> organization.toString().equals(row.get(0)))
                .mapToLong(row -> (Long) row.get(3))
                .sum();
    }

    private void write(Instant at, UUID organization, long bytes) {
        UsageLogWriter writer = new UsageLogWriter(
                        dataSource, 10, 10, Clock.fixed(at, ZoneOffset.UTC), new SimpleMeterRegistry())
                .start();
        try {
            writer.record(UsageEventDraft.builder(UsageAction.OBJECT_STREAMED, UsageOutcome.SUCCESS, "kst-test")
                    .organization(organization)
                    .bytes(bytes)
                    .build());
        } finally {
            writer.stop(Duration.ofSeconds(10));
        }
    }

    private static UsageEventDraft randomDraft(Random random, List<UUID> organizations, List<UUID> versions) {
        UUID organization = organizations.get(random.nextInt(organizations.size()));
        UUID version = versions.get(random.nextInt(versions.size()));
        UsageEventDraft.Builder draft = switch (random.nextInt(4)) {
            case 0 ->
                UsageEventDraft.builder(UsageAction.OBJECT_STREAMED, UsageOutcome.SUCCESS, "rollup-test")
                        .bytes((long) random.nextInt(1_000_000));
            case 1 ->
                UsageEventDraft.builder(UsageAction.LINK_ISSUED, UsageOutcome.SUCCESS, "rollup-test")
                        .bytes((long) random.nextInt(1000));
            case 2 ->
                UsageEventDraft.builder(UsageAction.ACCESS_REFUSED, UsageOutcome.REFUSED, "rollup-test")
                        .reason(random.nextBoolean() ? "NO_SUCH_KEY" : "s3 AccessDenied");
            default ->
                UsageEventDraft.builder(UsageAction.S3_REQUEST, UsageOutcome.SUCCESS, "rollup-test")
                        .reason(random.nextBoolean() ? "s3 GetObject" : "s3 HeadObject");
        };
        return draft.organization(organization).datasetVersion(version).build();
    }

    private static void count(Map<UUID, long[]> expected, UsageEventDraft draft) {
        long[] sums = expected.computeIfAbsent(draft.organizationId(), k -> new long[2]);
        sums[0]++;
        sums[1] += draft.bytes() == null ? 0 : draft.bytes();
    }

    /** Rows that differ between either rollup and the raw events: none when both rollups are exact. */
    private List<String> difference() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
                Statement statement = db.createStatement()) {
            for (String query : List.of(DIFFERENCE, MONTHLY_DIFFERENCE)) {
                try (ResultSet rs = statement.executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(i == 1 ? "" : " | ").append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
