package io.labgate.bench;

import io.labgate.report.Report;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportPeriod;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSection;
import io.labgate.report.ReportService;
import io.labgate.report.ReportSource;
import io.labgate.report.ReportTable;
import io.labgate.report.render.XlsxRenderer;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.BusinessRegistrationNumbers;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Report benchmark, run only by the Maven profile {@code bench} ({@code bash bench/run.sh report}); see
 * {@code bench/README.md}. Against the embedded PostgreSQL of the test lab:
 * <ol>
 * <li>a catalogue of dozens of AI companies, providers, datasets and versions (SQL copies of rows made through the
 * API);</li>
 * <li>{@code bench.events} (ten million) usage events spread evenly over the KST year {@code bench.year}, written
 * with {@code INSERT ... SELECT} from {@code generate_series} in chunks of {@code bench.chunk} rows, each chunk
 * one statement in its own transaction, so the daily rollup's trigger (V14) aggregates each chunk as it would a
 * writer's batch. The mix: mostly REST and S3 downloads, some presigned links, listings, other S3 requests,
 * interrupted transfers and refusals (a few without organization or dataset). Sequence numbers continue the log;
 * the hashes are a constant and do NOT form a valid chain (chain verification is not what is measured);</li>
 * <li>the year's report — every registered {@link ReportSection}, ungrouped and grouped by each dimension it
 * supports — from ROLLUP and from RAW, one warm-up and {@code bench.runs} timed runs each, interleaved; both
 * sources must give equal tables, or the run fails.</li>
 * </ol>
 */
@QuarkusTest
class ReportBenchmark {

    static final long EVENTS = Long.getLong("bench.events", 10_000_000L);
    static final long CHUNK = Long.getLong("bench.chunk", 500_000L);
    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final int RAW_RUNS = Integer.getInteger("bench.raw-runs", 2);
    static final int YEAR = Integer.getInteger("bench.year", 2025);
    static final int COMPANIES = 36;
    static final int PROVIDERS = 8;
    static final int DATASETS = 30;
    static final int VERSIONS_PER_DATASET = 2;
    /** Versions an AI company uses. */
    static final int VERSIONS_PER_COMPANY = 5;

    @Inject
    DemoOrganizations demo;

    @Inject
    DataSource dataSource;

    @Inject
    @Any
    Instance<ReportSection> sections;

    @Inject
    ReportService reports;

    final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        ApprovedGrants.organizations(demo);
        line("# LabGate report benchmark");
        line("");
        line("Run " + Instant.now() + " — " + machine() + "; load average at start " + loadAverage());
        line("");

        List<UUID> companies = new ArrayList<>();
        List<UUID> versions = new ArrayList<>();
        catalogue(companies, versions);
        line(String.format(
                Locale.ROOT,
                "Catalogue: %d AI companies, %d data providers, %d datasets, %d versions; "
                        + "each company uses %d versions.",
                companies.size(),
                PROVIDERS,
                DATASETS,
                versions.size(),
                VERSIONS_PER_COMPANY));

        // --- generate the year's events -------------------------------------------------------------------
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);
        ReportPeriod year = new ReportPeriod(from, to);
        long generationNanos;
        long rollupRows;
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(true);
            // the UTC months the KST year touches: the last day of the year before, then the twelve months
            for (LocalDate month = from.minusMonths(1); !month.isAfter(to); month = month.plusMonths(1)) {
                execute(db, "SELECT usage_event_ensure_partition(DATE '" + month + "')");
            }
            long base = single(db, "SELECT coalesce(max(seq), 0) FROM usage_event");
            long rollupBefore = single(db, "SELECT count(*) FROM usage_daily_rollup");
            execute(db, "SELECT setseed(0.42)");
            String insert = insertSql(year, companies, versions);
            long start = System.nanoTime();
            try (PreparedStatement chunk = db.prepareStatement(insert)) {
                for (long first = 1; first <= EVENTS; first += CHUNK) {
                    long last = Math.min(EVENTS, first + CHUNK - 1);
                    long t = System.nanoTime();
                    chunk.setLong(1, base);
                    chunk.setLong(2, first);
                    chunk.setLong(3, last);
                    chunk.executeUpdate();
                    System.out.printf(
                            Locale.ROOT,
                            "[bench] events %,d..%,d written in %.1f s%n",
                            first,
                            last,
                            seconds(System.nanoTime() - t));
                }
            }
            generationNanos = System.nanoTime() - start;
            // the state a running system is in: vacuumed and analysed (else autovacuum works through the ten
            // million fresh rows on the same two CPUs while the report is timed)
            long vacuumStart = System.nanoTime();
            execute(db, "VACUUM (ANALYZE)");
            System.out.printf(
                    Locale.ROOT, "[bench] VACUUM (ANALYZE) in %.1f s%n", seconds(System.nanoTime() - vacuumStart));
            rollupRows = single(db, "SELECT count(*) FROM usage_daily_rollup") - rollupBefore;
            line(String.format(
                    Locale.ROOT,
                    "Generated %,d usage events over %s..%s (KST) in %.1f s (%,.0f events/s, "
                            + "chunks of %,d, rollup trigger on); rollup rows added: %,d (%.1f events per row). "
                            + "usage_event %s, usage_daily_rollup %s.",
                    EVENTS,
                    from,
                    to,
                    seconds(generationNanos),
                    EVENTS / seconds(generationNanos),
                    CHUNK,
                    rollupRows,
                    (double) EVENTS / rollupRows,
                    text(
                            db,
                            "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits "
                                    + "WHERE inhparent = 'usage_event'::regclass"),
                    text(db, "SELECT pg_size_pretty(pg_total_relation_size('usage_daily_rollup'))")));
            long difference = single(
                    db,
                    "WITH raw AS (SELECT (occurred_at AT TIME ZONE 'Asia/Seoul')::date AS "
                            + "day, organization_id, dataset_version_id, action, outcome, reason, count(*) AS events, "
                            + "coalesce(sum(bytes), 0)::bigint AS bytes FROM usage_event GROUP BY 1, 2, 3, 4, 5, 6), "
                            + "rollup AS (SELECT day, organization_id, dataset_version_id, action, outcome, reason, events, "
                            + "bytes FROM usage_daily_rollup) SELECT (SELECT count(*) FROM (SELECT * FROM rollup EXCEPT "
                            + "SELECT * FROM raw) a) + (SELECT count(*) FROM (SELECT * FROM raw EXCEPT SELECT * FROM "
                            + "rollup) b)");
            line("Rollup vs raw events, whole table, EXCEPT both ways: " + difference + " differing rows.");
            if (difference != 0) {
                throw new AssertionError("the rollup differs from the raw events");
            }
        }
        line("");

        // --- time the year's report -------------------------------------------------------------------------
        List<ReportSection> all = sections.stream()
                .sorted(Comparator.comparingInt(ReportSection::order))
                .toList();
        line("Sections: " + all.stream().map(ReportSection::id).toList() + "; each ungrouped and grouped by every "
                + "dimension it supports ("
                + all.stream().mapToInt(s -> s.dimensions().size() + 1).sum()
                + " tables), plus its summary figures.");
        line("");
        List<ReportTable> reference = report(all, year, ReportSource.ROLLUP); // warm-up
        servedReport(year);
        int runs = Math.max(RUNS, RAW_RUNS);
        double[] rollupMs = new double[RUNS];
        double[] rawMs = new double[RAW_RUNS];
        Map<String, double[]> perTableRollup = new java.util.LinkedHashMap<>();
        Map<String, double[]> perTableRaw = new java.util.LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            if (run < RUNS) {
                rollupMs[run] = timed(all, year, ReportSource.ROLLUP, perTableRollup, run, RUNS, new ArrayList<>());
            }
            if (run < RAW_RUNS) {
                List<ReportTable> raw = new ArrayList<>();
                rawMs[run] = timed(all, year, ReportSource.RAW, perTableRaw, run, RAW_RUNS, raw);
                if (!raw.equals(reference)) {
                    throw new AssertionError("ROLLUP and RAW reports differ");
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "[bench] run %d: rollup %.0f ms, raw %.0f ms%n",
                    run + 1,
                    run < RUNS ? rollupMs[run] : Double.NaN,
                    run < RAW_RUNS ? rawMs[run] : Double.NaN);
        }
        line("Load average after the runs: " + loadAverage() + " (other work on the machine shares its CPUs).");
        line("");
        line("## The year's full report (" + YEAR + ", " + String.format(Locale.ROOT, "%,d", EVENTS) + " events)");
        line("");
        line("Every table of every section and the summary figures, one after the other:");
        line("");
        line("| source | runs, ms | min ms | median ms |");
        line("|---|---|---:|---:|");
        line(String.format(
                Locale.ROOT, "| ROLLUP | %s | %.0f | %.0f |", runs(rollupMs), min(rollupMs), median(rollupMs)));
        line(String.format(Locale.ROOT, "| RAW | %s | %.0f | %.0f |", runs(rawMs), min(rawMs), median(rawMs)));
        line("");
        line(String.format(Locale.ROOT, "**RAW / ROLLUP (medians): %.0f×.**", median(rawMs) / median(rollupMs)));
        line("");
        line("Per table (one section, one grouping: what one `/api/v1/reports/{id}` request computes), ms:");
        line("");
        line("| section | grouped by | ROLLUP min | ROLLUP median | RAW min | RAW median |");
        line("|---|---|---:|---:|---:|---:|");
        for (String table : perTableRollup.keySet()) {
            String[] parts = table.split("/");
            line(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.0f | %.0f | %.0f | %.0f |",
                    parts[0],
                    parts[1],
                    min(perTableRollup.get(table)),
                    median(perTableRollup.get(table)),
                    min(perTableRaw.get(table)),
                    median(perTableRaw.get(table))));
        }
        line("");

        Path out = Path.of("target", "bench", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n==================== ReportBenchmark ====================\n" + report + "(written to "
                + out.toAbsolutePath() + ")\n=========================================================");
    }

    /**
     * One chunk: events {@code ?2..?3} of the year, seq continuing after {@code ?1}. Times are spread evenly over the
     * year in order (the log is appended in time order), each with a few minutes of jitter; the rest is drawn from
     * random() (seeded once per run).
     */
    private String insertSql(ReportPeriod year, List<UUID> companies, List<UUID> versions) {
        String companyArray = "ARRAY["
                + String.join(
                        ",", companies.stream().map(c -> "'" + c + "'::uuid").toList()) + "]";
        String versionArray = "ARRAY["
                + String.join(
                        ",", versions.stream().map(v -> "'" + v + "'::uuid").toList()) + "]";
        double stepMicros = (double) (year.end().toEpochMilli() - year.start().toEpochMilli()) * 1000 / EVENTS;
        String hash = "repeat('0', 64)";
        // x.p picks the kind of event: 50 % streamed downloads, 3 % interrupted ones, 17 % S3 GetObject, 6 % other
        // S3 requests, 10 % presigned links, 6 % listings, 8 % refusals (1 % of an unknown key: no organization)
        String action = "CASE WHEN x.p < 53 THEN 'OBJECT_STREAMED' WHEN x.p < 76 THEN 'S3_REQUEST' "
                + "WHEN x.p < 86 THEN 'LINK_ISSUED' WHEN x.p < 92 THEN 'OBJECT_LISTED' ELSE 'ACCESS_REFUSED' END";
        String outcome = "CASE WHEN x.p < 50 THEN 'SUCCESS' WHEN x.p < 53 THEN 'FAILED' WHEN x.p < 92 THEN 'SUCCESS' "
                + "ELSE 'REFUSED' END";
        String reason = "CASE WHEN x.p < 50 THEN NULL WHEN x.p < 53 THEN 'CLIENT_ABORTED' "
                + "WHEN x.p < 70 THEN 's3 GetObject' WHEN x.p < 73 THEN 's3 HeadObject' "
                + "WHEN x.p < 76 THEN 's3 ListBuckets' WHEN x.p < 92 THEN NULL "
                + "WHEN x.p < 94 THEN 'NO_SUCH_KEY' WHEN x.p < 95.5 THEN 'QUOTA_EXCEEDED' "
                + "WHEN x.p < 97 THEN 'RATE_LIMITED' WHEN x.p < 98 THEN 's3 AccessDenied' "
                + "WHEN x.p < 99 THEN 'GRANT_NOT_USABLE' ELSE 's3 InvalidAccessKeyId' END";
        String bytes = "CASE WHEN x.p < 50 THEN x.size WHEN x.p < 53 THEN x.size / 3 WHEN x.p < 70 THEN x.size "
                + "WHEN x.p < 76 THEN NULL WHEN x.p < 86 THEN x.size ELSE NULL END";
        return "INSERT INTO usage_event (id, seq, occurred_at, organization_id, subject, grant_id, dataset_version_id,"
                + " action, object_key, bytes, client_address, outcome, reason, request_id, prev_hash, hash) "
                + "SELECT gen_random_uuid(), ? + x.g, "
                + "timestamptz '" + year.start() + "' + make_interval(secs => least((x.g - 1) * " + stepMicros
                + " / 1e6 + x.jitter, "
                + (year.end().getEpochSecond() - year.start().getEpochSecond() - 1) + ")), "
                + "CASE WHEN x.p >= 99 THEN NULL ELSE (" + companyArray + ")[x.company + 1] END, 'bench', NULL, "
                + "CASE WHEN x.p >= 99 THEN NULL ELSE (" + versionArray + ")[(x.company * 7 + x.pick) % "
                + versions.size() + " + 1] END, "
                + action + ", 'objects/' || (x.g % 5000) || '.bin', " + bytes + ", '10.0.0.1', " + outcome + ", "
                + reason + ", NULL, " + hash + ", " + hash + " "
                // volatile functions in a subquery's target list: evaluated per row, and the subquery stays
                + "FROM (SELECT g, random() * 100 AS p, (random() * 200000000)::bigint AS size, "
                + "floor(random() * " + companies.size() + ")::int AS company, "
                + "floor(random() * " + VERSIONS_PER_COMPANY + ")::int AS pick, random() * 300 AS jitter "
                + "FROM generate_series(?::bigint, ?::bigint) g) x";
    }

    /** AI companies and providers (copies of the demo organizations), datasets and versions (copies of one made
     * through the API), with names, so that the report's joins are real. */
    private void catalogue(List<UUID> companies, List<UUID> versions) throws SQLException {
        ApprovedGrants.Approved seed = ApprovedGrants.grant(
                ApprovedGrants.allModes(),
                Map.of("d/a.bin", new byte[] {1, 2, 3}),
                List.of("STREAM"),
                java.time.Duration.ofDays(1));
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            List<UUID> providers = new ArrayList<>();
            for (int i = 0; i < COMPANIES + PROVIDERS; i++) {
                boolean company = i < COMPANIES;
                UUID id = UUID.randomUUID();
                try (PreparedStatement copy = db.prepareStatement("INSERT INTO organization (id, kind, name, "
                        + "business_registration_number, status, status_changed_at, contact_email, contact_name, "
                        + "created_at, updated_at) SELECT ?, kind, ?, ?, status, now(), contact_email, contact_name, "
                        + "now(), now() FROM organization WHERE id = ?")) {
                    copy.setObject(1, id);
                    copy.setString(2, (company ? "Bench AI " : "Bench Provider ") + (i + 1));
                    copy.setString(3, BusinessRegistrationNumbers.random());
                    copy.setObject(4, company ? DemoOrganizations.ALPHA : DemoOrganizations.JEJU);
                    if (copy.executeUpdate() != 1) {
                        throw new IllegalStateException("no demo organization to copy");
                    }
                }
                (company ? companies : providers).add(id);
            }
            for (int d = 0; d < DATASETS; d++) {
                UUID dataset = UUID.randomUUID();
                try (PreparedStatement copy = db.prepareStatement("INSERT INTO dataset (id, code, title, "
                        + "industry_code, ai_technology_code, security_policy_id, created_at, updated_at) "
                        + "SELECT ?, ?, ?, industry_code, ai_technology_code, security_policy_id, now(), now() "
                        + "FROM dataset WHERE id = ?")) {
                    copy.setObject(1, dataset);
                    copy.setString(2, "bench-" + PublishedDatasets.suffix() + "-" + d);
                    copy.setString(3, "Bench dataset " + (d + 1));
                    copy.setObject(4, UUID.fromString(seed.datasetId()));
                    copy.executeUpdate();
                }
                // one or two providers a dataset
                for (int p = 0; p < 1 + d % 2; p++) {
                    try (PreparedStatement provider = db.prepareStatement(
                            "INSERT INTO dataset_provider (dataset_id, organization_id) VALUES (?, ?)")) {
                        provider.setObject(1, dataset);
                        provider.setObject(2, providers.get((d + p) % providers.size()));
                        provider.executeUpdate();
                    }
                }
                for (int v = 0; v < VERSIONS_PER_DATASET; v++) {
                    UUID version = UUID.randomUUID();
                    try (PreparedStatement copy = db.prepareStatement("INSERT INTO dataset_version (id, dataset_id, "
                            + "label, bucket_id, prefix, status, created_at) SELECT ?, ?, ?, bucket_id, prefix, "
                            + "'DRAFT', now() FROM dataset_version WHERE id = ?")) {
                        copy.setObject(1, version);
                        copy.setObject(2, dataset);
                        copy.setString(3, "v" + (v + 1));
                        copy.setObject(4, UUID.fromString(seed.versionId()));
                        copy.executeUpdate();
                    }
                    versions.add(version);
                }
            }
            db.commit();
        }
    }

    /**
     * Times what {@code GET /api/v1/reports} answers for the year: {@code ReportService.full} (every section with
     * its summary, in the one grouping asked) and, for the workbook, its XLSX rendering. ROLLUP several times
     * after a warm-up, RAW once.
     */
    private void servedReport(ReportPeriod year) {
        line("## What `GET /api/v1/reports` computes for the year");
        line("");
        line("`ReportService.full` (every section once, in the grouping asked, with the summary figures) and, for "
                + "`format=xlsx`, the workbook rendering, ms:");
        line("");
        line("| groupBy | source | runs, ms (compute) | median compute ms | median compute + XLSX ms |");
        line("|---|---|---|---:|---:|");
        for (ReportDimension grouping : Arrays.asList(null, ReportDimension.MONTH, ReportDimension.ORGANIZATION)) {
            for (ReportSource source : List.of(ReportSource.ROLLUP, ReportSource.RAW)) {
                ReportQuery query = new ReportQuery(year, grouping, source);
                int runs = source == ReportSource.ROLLUP ? RUNS : 1;
                if (source == ReportSource.ROLLUP) {
                    reports.full(query); // warm-up
                }
                double[] compute = new double[runs];
                double[] withXlsx = new double[runs];
                for (int run = 0; run < runs; run++) {
                    long t = System.nanoTime();
                    Report report = reports.full(query);
                    compute[run] = (System.nanoTime() - t) / 1e6;
                    XlsxRenderer.render(report);
                    withXlsx[run] = (System.nanoTime() - t) / 1e6;
                }
                line(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %.0f | %.0f |",
                        grouping == null ? "—" : grouping.name(),
                        source,
                        runs(compute),
                        median(compute),
                        median(withXlsx)));
                System.out.printf(
                        Locale.ROOT, "[bench] full report groupBy=%s %s: %.0f ms%n", grouping, source, median(compute));
            }
        }
        line("");
    }

    private List<ReportTable> report(List<ReportSection> all, ReportPeriod period, ReportSource source) {
        List<ReportTable> tables = new ArrayList<>();
        for (ReportSection section : all) {
            tables.add(section.compute(new ReportQuery(period, null, source)));
            section.dimensions().stream()
                    .sorted()
                    .forEach(d -> tables.add(section.compute(new ReportQuery(period, d, source))));
            section.summary(new ReportQuery(period, null, source));
        }
        return tables;
    }

    /** One full report; each table's and summary's time goes to {@code perTable} under "section/grouping". */
    private double timed(
            List<ReportSection> all,
            ReportPeriod period,
            ReportSource source,
            Map<String, double[]> perTable,
            int run,
            int runs,
            List<ReportTable> tables) {
        long start = System.nanoTime();
        for (ReportSection section : all) {
            List<ReportDimension> groupings = new ArrayList<>();
            groupings.add(null);
            section.dimensions().stream().sorted().forEach(groupings::add);
            for (ReportDimension grouping : groupings) {
                long t = System.nanoTime();
                tables.add(section.compute(new ReportQuery(period, grouping, source)));
                perTable.computeIfAbsent(
                                        section.id() + "/" + (grouping == null ? "—" : grouping.name()),
                                        k -> new double[runs])[run] =
                        (System.nanoTime() - t) / 1e6;
            }
            long t = System.nanoTime();
            section.summary(new ReportQuery(period, null, source));
            perTable.computeIfAbsent(section.id() + "/summary", k -> new double[runs])[run] =
                    (System.nanoTime() - t) / 1e6;
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String machine() {
        long ramKib = 0;
        String cpu = "";
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    ramKib = Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("");
        } catch (Exception e) {
            // not Linux
        }
        return String.format(
                        Locale.ROOT,
                        "machine: %d CPUs (nproc) %s, %.1f GiB RAM, %s %s, max heap %d MiB",
                        Runtime.getRuntime().availableProcessors(),
                        cpu,
                        ramKib / 1048576.0,
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024))
                + "; JVM args "
                + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X"))
                        .toList();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String runs(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", v));
        }
        return s.toString();
    }
}
