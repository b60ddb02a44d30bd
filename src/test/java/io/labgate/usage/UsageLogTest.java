package io.labgate.usage;

import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.EmbeddedPostgresServer;
import io.labgate.testing.DatabaseLocks;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.Tokens;
import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageLogException;
import io.labgate.usage.api.UsageOutcome;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The usage log against the real embedded PostgreSQL. The database is shared with every other test class, so
 * each test finds its own events by a fresh organization or grant id, and chain checks cover the whole log
 * (other tests' events are valid members of the chain).
 */
@QuarkusTest
class UsageLogTest {

    private static final String VERIFY = "/api/v1/usage/verify";
    private static final String EVENTS = "/api/v1/usage/events";

    @Inject
    UsageLog log;

    @Inject
    UsagePartitionJob partitions;

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Test
    void outboxRowsNobodyAskedForAreChainedByAnIdleWriter() throws Exception {
        // as a replica that committed a change and died before its writer chained the event would leave it
        UUID id = UUID.randomUUID();
        UUID organization = UUID.randomUUID();
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement("INSERT INTO usage_outbox (id, occurred_at, "
                        + "organization_id, subject, action, outcome, reason) VALUES (?, now(), ?, 'operator', "
                        + "'GRANT_CHANGED', 'SUCCESS', 'REVOKED')")) {
            insert.setObject(1, id);
            insert.setObject(2, organization);
            insert.executeUpdate();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> chained(id));
        try (Connection db = dataSource.getConnection();
                PreparedStatement left = db.prepareStatement("SELECT count(*) FROM usage_outbox WHERE id = ?")) {
            left.setObject(1, id);
            try (ResultSet rs = left.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("moved, not copied").isZero();
            }
        }
        JsonPath events = as(Tokens.AUDITOR)
                .get(EVENTS + "?organizationId=" + organization)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(events.getList("items.reason", String.class)).containsExactly("REVOKED");
    }

    private boolean chained(UUID id) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement find = db.prepareStatement("SELECT count(*) FROM usage_event WHERE id = ?")) {
            find.setObject(1, id);
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    @Test
    void concurrentRecordsAreBatchedChainedAndCommitted() throws Exception {
        UUID organization = UUID.randomUUID();
        DistributionSummary batches =
                registry.find("labgate.usage.log.batch.size").summary();
        Timer writes = registry.find("labgate.usage.log.write").timer();
        long batchesBefore = batches == null ? 0 : batches.count();
        double eventsBefore = batches == null ? 0 : batches.totalAmount();

        ExecutorService threads = Executors.newFixedThreadPool(20);
        List<Future<LoggedEvent>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long bytes = 1000L + i;
            String requestId = "usage-test-" + i;
            results.add(threads.submit(() -> log.record(
                    streamed(organization, bytes).requestId(requestId).build())));
        }
        Map<String, Long> bytesByRequest = new HashMap<>();
        Set<Long> seqs = new HashSet<>();
        for (Future<LoggedEvent> result : results) {
            LoggedEvent event = result.get(60, TimeUnit.SECONDS);
            bytesByRequest.put(event.requestId(), event.bytes());
            seqs.add(event.seq());
        }
        threads.shutdown();

        // committed when record returned: the database has all 200, contiguous and unique
        try (Connection db = superuser();
                PreparedStatement count = db.prepareStatement(
                        "SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM usage_event WHERE organization_id = ?")) {
            count.setObject(1, organization);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(200);
                assertThat(rs.getLong(2)).isEqualTo(200);
                assertThat(rs.getLong(4) - rs.getLong(3) + 1)
                        .as("contiguous seqs")
                        .isEqualTo(200);
            }
        }
        assertThat(seqs).hasSize(200);
        try (Connection db = superuser();
                Statement whole = db.createStatement();
                ResultSet rs = whole.executeQuery("SELECT count(*), count(DISTINCT seq), max(seq) FROM usage_event")) {
            rs.next();
            assertThat(rs.getLong(2)).as("seq unique over the whole log").isEqualTo(rs.getLong(1));
            assertThat(rs.getLong(3))
                    .as("seq contiguous from 1 over the whole log")
                    .isEqualTo(rs.getLong(1));
        }

        // grouped into batches: fewer write transactions than events
        batches = registry.find("labgate.usage.log.batch.size").summary();
        writes = registry.find("labgate.usage.log.write").timer();
        long batchCount = batches.count() - batchesBefore;
        double written = batches.totalAmount() - eventsBefore;
        System.out.printf(
                "usage log: %d events in %d batches (mean %.1f, max %.0f); write mean %.2f ms, max %.2f ms%n",
                (long) written,
                batchCount,
                written / batchCount,
                batches.max(),
                writes.mean(TimeUnit.MILLISECONDS),
                writes.max(TimeUnit.MILLISECONDS));
        assertThat(written).isEqualTo(200);
        assertThat(batchCount).as("batches").isLessThan(200);
        assertThat(batches.max()).isGreaterThan(1);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("labgate_usage_log_write_seconds_count")
                .contains("labgate_usage_log_batch_size_count")
                .contains("labgate_usage_events_total{action=\"OBJECT_STREAMED\",outcome=\"SUCCESS\"}");

        // the whole chain verifies
        JsonPath verification =
                as(Tokens.OPERATOR).get(VERIFY).then().statusCode(200).extract().jsonPath();
        assertThat(verification.getBoolean("valid")).isTrue();
        assertThat(verification.getLong("checked")).isGreaterThanOrEqualTo(200);
        assertThat(verification.getMap("firstBreak")).isNull();
        // the head it answers is the stored hash of the last event walked, for operators to record outside the DB
        try (var connection = dataSource.getConnection();
                var head = connection.prepareStatement("SELECT hash FROM usage_event WHERE seq = ?")) {
            head.setLong(1, verification.getLong("lastSeq"));
            try (var rs = head.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(verification.getString("lastHash")).isEqualTo(rs.getString(1));
            }
        }

        // every event is readable, in seq order, with its bytes
        Map<String, Long> listed = new HashMap<>();
        long lastSeq = 0;
        for (int page = 0; page < 2; page++) {
            JsonPath events = as(Tokens.AUDITOR)
                    .queryParam("organizationId", organization)
                    .queryParam("size", 100)
                    .queryParam("page", page)
                    .get(EVENTS)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(events.getLong("totalItems")).isEqualTo(200);
            for (Map<String, Object> item : events.<Map<String, Object>>getList("items")) {
                long seq = ((Number) item.get("seq")).longValue();
                assertThat(seq).isGreaterThan(lastSeq);
                lastSeq = seq;
                listed.put((String) item.get("requestId"), ((Number) item.get("bytes")).longValue());
                assertThat(item.get("action")).isEqualTo("OBJECT_STREAMED");
                assertThat((String) item.get("hash")).matches("[0-9a-f]{64}");
            }
        }
        assertThat(listed).hasSize(200).isEqualTo(bytesByRequest);
        assertThat(listed.get("usage-test-7")).isEqualTo(1007L);
    }

    @Test
    void databaseRefusesUpdateDeleteAndTruncate() throws Exception {
        LoggedEvent event = log.record(streamed(UUID.randomUUID(), 5).build());
        String partition = "usage_event_"
                + event.occurredAt()
                        .atOffset(ZoneOffset.UTC)
                        .toLocalDate()
                        .withDayOfMonth(1)
                        .toString()
                        .substring(0, 7)
                        .replace('-', '_');

        try (Connection db = superuser()) {
            for (String sql : List.of(
                    "UPDATE usage_event SET bytes = 0 WHERE id = '" + event.id() + "'",
                    "UPDATE " + partition + " SET subject = 'mallory' WHERE id = '" + event.id() + "'",
                    "DELETE FROM usage_event WHERE id = '" + event.id() + "'",
                    "DELETE FROM " + partition + " WHERE id = '" + event.id() + "'",
                    "TRUNCATE usage_event",
                    "TRUNCATE " + partition,
                    "TRUNCATE usage_event_default")) {
                assertThatThrownBy(() -> execute(db, sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(bytesOf(event.id())).isEqualTo(5);
    }

    @Test
    void verifyFindsAChangedEvent() throws Exception {
        List<LoggedEvent> events = recordFive();
        LoggedEvent changed = events.get(2);

        try {
            tamper("UPDATE usage_event SET bytes = bytes + 1 WHERE id = '" + changed.id() + "'");

            JsonPath result = verify(events);
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getLong("firstBreak.seq")).isEqualTo(changed.seq());
            assertThat(result.getString("firstBreak.id")).isEqualTo(changed.id().toString());
            assertThat(result.getString("firstBreak.storedHash")).isEqualTo(changed.hash());
            assertThat(result.getString("firstBreak.expectedHash")).isNotEqualTo(changed.hash());
            assertThat(result.getString("firstBreak.reason")).isEqualTo("HASH_MISMATCH");
            assertThat(result.getLong("breaks")).isEqualTo(1);
        } finally {
            tamper("UPDATE usage_event SET bytes = " + changed.bytes() + " WHERE id = '" + changed.id() + "'");
        }
        assertThat(verify(events).getBoolean("valid")).as("restored").isTrue();
    }

    @Test
    void verifyFindsADeletedEvent() throws Exception {
        List<LoggedEvent> events = recordFive();
        LoggedEvent deleted = events.get(2);

        try {
            tamper("DELETE FROM usage_event WHERE id = '" + deleted.id() + "'");

            JsonPath result = verify(events);
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getLong("firstBreak.seq")).isEqualTo(events.get(3).seq());
            assertThat(result.getString("firstBreak.reason")).isEqualTo("SEQ_GAP");
            assertThat(result.getLong("checked")).isEqualTo(4);
        } finally {
            insert(deleted);
        }
        JsonPath restored = verify(events);
        assertThat(restored.getBoolean("valid")).as("restored").isTrue();
        assertThat(restored.getLong("checked")).isEqualTo(5);
    }

    @Test
    void verifyLinksTheFirstEventOfThePeriodToItsPredecessor() throws Exception {
        List<LoggedEvent> events = recordFive();
        LoggedEvent first = events.get(0);
        try {
            // removed at the edge: the period now starts at the second event, whose prev_hash is still intact
            tamper("DELETE FROM usage_event WHERE id = '" + first.id() + "'");

            JsonPath result = verify(events);
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getLong("firstBreak.seq")).isEqualTo(events.get(1).seq());
            assertThat(result.getString("firstBreak.reason")).isEqualTo("MISSING_PREDECESSOR");
        } finally {
            insert(first);
        }
        JsonPath restored = verify(events);
        assertThat(restored.getBoolean("valid")).as("restored").isTrue();
        assertThat(restored.getLong("checked"))
                .as("the predecessor links, it is not counted")
                .isEqualTo(5);

        LoggedEvent predecessor = log.record(streamed(UUID.randomUUID(), 1).build());
        List<LoggedEvent> after = recordFive();
        try {
            tamper("UPDATE usage_event SET hash = repeat('a', 64) WHERE id = '" + predecessor.id() + "'");
            JsonPath broken = verify(after);
            assertThat(broken.getBoolean("valid")).isFalse();
            assertThat(broken.getString("firstBreak.reason")).isEqualTo("PREV_HASH_MISMATCH");
            assertThat(broken.getLong("firstBreak.seq")).isEqualTo(after.get(0).seq());
        } finally {
            tamper("UPDATE usage_event SET hash = '" + predecessor.hash() + "' WHERE id = '" + predecessor.id() + "'");
        }
    }

    @Test
    void onlyStaffVerifyAndAiCompaniesSeeOnlyTheirOwnEvents() {
        UUID grant = UUID.randomUUID();
        log.record(streamed(DemoOrganizations.ALPHA, 1).grant(grant).build());
        log.record(streamed(DemoOrganizations.BETA, 2).grant(grant).build());

        anonymous().get(VERIFY).then().statusCode(401);
        as(Tokens.ALICE).get(VERIFY).then().statusCode(403).contentType("application/problem+json");
        as(Tokens.CAROL).get(VERIFY).then().statusCode(403);
        as(Tokens.AUDITOR).get(VERIFY).then().statusCode(200);
        anonymous().get(EVENTS).then().statusCode(401);
        as(Tokens.CAROL).get(EVENTS).then().statusCode(403);

        assertThat(as(Tokens.AUDITOR)
                        .queryParam("grantId", grant)
                        .get(EVENTS)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("totalItems"))
                .isEqualTo(2);
        JsonPath alice = as(Tokens.ALICE)
                .queryParam("grantId", grant)
                .get(EVENTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(alice.getList("items.organizationId")).containsExactly(DemoOrganizations.ALPHA.toString());
        assertThat(as(Tokens.ALICE)
                        .queryParam("grantId", grant)
                        .queryParam("organizationId", DemoOrganizations.BETA)
                        .get(EVENTS)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("totalItems"))
                .isZero();
        as(Tokens.AUDITOR).queryParam("from", "yesterday").get(VERIFY).then().statusCode(400);
        as(Tokens.AUDITOR)
                .queryParam("from", "2026-01-02T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .get(EVENTS)
                .then()
                .statusCode(400);
    }

    @Test
    void writerWritesEverythingQueuedWhenStopped() throws Exception {
        UUID organization = UUID.randomUUID();
        UsageLogWriter writer = new UsageLogWriter(dataSource, 50, 1000, Clock.systemUTC(), new SimpleMeterRegistry());
        List<CompletableFuture<LoggedEvent>> queued = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            queued.add(writer.recordAsync(streamed(organization, i).build()));
        }
        assertThat(writer.queued()).isEqualTo(120);
        assertThat(queued).noneMatch(CompletableFuture::isDone);

        writer.stop(Duration.ofSeconds(30));

        assertThat(queued).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(countOf(organization)).isEqualTo(120);
        assertThatThrownBy(() -> writer.record(streamed(organization, 1).build()))
                .isInstanceOf(UsageLogException.class);
        assertThat(as(Tokens.AUDITOR)
                        .get(VERIFY)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Boolean>path("valid"))
                .isTrue();
    }

    @Test
    void writerWaitsForTheChainLockOfAnotherReplicaAndDrainsOnStop() throws Exception {
        UUID organization = UUID.randomUUID();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        UsageLogWriter writer = new UsageLogWriter(dataSource, 50, 1000, Clock.systemUTC(), meters).start();
        List<CompletableFuture<LoggedEvent>> queued = new ArrayList<>();
        CompletableFuture<Void> stopped;
        try (Connection otherReplica = superuser()) {
            advisory(otherReplica, "SELECT pg_advisory_lock(?)");
            for (int i = 0; i < 100; i++) {
                queued.add(writer.recordAsync(streamed(organization, i).build()));
            }
            stopped = CompletableFuture.runAsync(() -> writer.stop(Duration.ofSeconds(30)));
            DatabaseLocks.awaitWaiter(DatabaseLocks.ADVISORY);
            assertThat(queued)
                    .as("nothing commits while another replica holds the chain")
                    .noneMatch(CompletableFuture::isDone);
            assertThat(stopped).isNotDone();
            advisory(otherReplica, "SELECT pg_advisory_unlock(?)");
        }
        stopped.get(30, TimeUnit.SECONDS);

        assertThat(queued).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(countOf(organization)).isEqualTo(100);
        DistributionSummary batches =
                meters.find("labgate.usage.log.batch.size").summary();
        assertThat(batches.totalAmount()).isEqualTo(100);
        assertThat(batches.max()).isEqualTo(50);
    }

    @Test
    void partitionJobIsIdempotentAndNewPartitionsAreAppendOnly() throws Exception {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        assertThat(partitions.run()).containsExactly(name(month), name(month.plusMonths(1)));
        assertThat(partitions.run()).containsExactly(name(month), name(month.plusMonths(1)));

        LocalDate far = LocalDate.of(2039, 7, 19);
        assertThat(partitions.ensure(far)).isEqualTo("usage_event_2039_07");
        assertThat(partitions.ensure(far)).isEqualTo("usage_event_2039_07");
        LoggedEvent later = log.record(streamed(UUID.randomUUID(), 3)
                .occurredAt(Instant.parse("2039-07-31T23:59:59.999999Z"))
                .build());
        try (Connection db = superuser()) {
            try (Statement where = db.createStatement();
                    ResultSet rs = where.executeQuery(
                            "SELECT tableoid::regclass FROM usage_event WHERE id = '" + later.id() + "'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("usage_event_2039_07");
            }
            assertThatThrownBy(() -> execute(db, "TRUNCATE usage_event_2039_07"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(db, "DELETE FROM usage_event_2039_07"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
    }

    private static String name(LocalDate month) {
        return String.format("usage_event_%04d_%02d", month.getYear(), month.getMonthValue());
    }

    private List<LoggedEvent> recordFive() {
        UUID organization = UUID.randomUUID();
        List<LoggedEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(log.record(streamed(organization, 100 + i).build()));
        }
        return events;
    }

    private static JsonPath verify(List<LoggedEvent> events) {
        Instant from = events.get(0).occurredAt();
        Instant to = events.get(events.size() - 1).occurredAt().plus(1, ChronoUnit.MICROS);
        return as(Tokens.OPERATOR)
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get(VERIFY)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static UsageEventDraft.Builder streamed(UUID organization, long bytes) {
        return UsageEventDraft.builder(UsageAction.OBJECT_STREAMED, UsageOutcome.SUCCESS, "usage-test")
                .organization(organization)
                .objectKey("images/" + bytes + ".png")
                .bytes(bytes)
                .clientAddress("10.0.0.1");
    }

    /** What an attacker with superuser rights could do: switch the triggers off for one transaction. */
    private static void tamper(String sql) throws SQLException {
        try (Connection db = superuser()) {
            db.setAutoCommit(false);
            execute(db, "SET LOCAL session_replication_role = replica");
            execute(db, sql);
            db.commit();
        }
    }

    /**
     * Puts a deleted event back as it was, triggers off like the deletion: the daily rollup (V14) never saw it go,
     * so it must not count it a second time.
     */
    private static void insert(LoggedEvent e) throws SQLException {
        try (Connection db = superuser()) {
            db.setAutoCommit(false);
            execute(db, "SET LOCAL session_replication_role = replica");
            insert(db, e);
            db.commit();
        }
    }

    private static void insert(Connection db, LoggedEvent e) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO usage_event (id, seq, occurred_at, organization_id, subject, grant_id, dataset_version_id,"
                        + " action, object_key, bytes, client_address, outcome, reason, request_id, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {
                e.id(),
                e.seq(),
                OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC),
                e.organizationId(),
                e.subject(),
                e.grantId(),
                e.datasetVersionId(),
                e.action(),
                e.objectKey(),
                e.bytes(),
                e.clientAddress(),
                e.outcome(),
                e.reason(),
                e.requestId(),
                e.prevHash(),
                e.hash()
            };
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    private static long countOf(UUID organization) throws SQLException {
        try (Connection db = superuser();
                PreparedStatement count =
                        db.prepareStatement("SELECT count(*) FROM usage_event WHERE organization_id = ?")) {
            count.setObject(1, organization);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long bytesOf(UUID id) throws SQLException {
        try (Connection db = superuser();
                PreparedStatement read = db.prepareStatement("SELECT bytes FROM usage_event WHERE id = ?")) {
            read.setObject(1, id);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, UsageLogWriter.CHAIN_LOCK_KEY);
            statement.execute();
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection superuser() throws SQLException {
        EmbeddedPostgresServer postgres = EmbeddedLabTestResource.lab().postgres();
        return DriverManager.getConnection(
                postgres.jdbcUrl("labgate"), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
