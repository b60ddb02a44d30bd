package io.labgate.usage;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.EmbeddedPostgresServer;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageOutcome;
import io.labgate.usage.checkpoint.Checkpoint;
import io.labgate.usage.checkpoint.CheckpointKey;
import io.labgate.usage.checkpoint.OfflineVerifier;
import io.labgate.usage.checkpoint.UsageCheckpoints;
import io.minio.StatObjectArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints make the usage log verifiable without trusting the database: a superuser who rewrites an
 * event and recomputes every later hash passes the database's own verification, but not the offline verifier with
 * the exported events, the checkpoints and the public key.
 */
@QuarkusTest
class UsageCheckpointTest {

    @Inject
    UsageLog log;

    @Inject
    UsageCheckpoints checkpoints;

    @Test
    void aRewrittenEventWithEveryLaterHashRecomputedIsCaughtAtThatEvent() throws Exception {
        // three events, the head signed after each: a checkpoint per event pins a change to one event
        UUID organization = UUID.randomUUID();
        List<LoggedEvent> events = new ArrayList<>();
        List<Checkpoint> signed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(log.record(
                    UsageEventDraft.builder(UsageAction.OBJECT_STREAMED, UsageOutcome.SUCCESS, "checkpoint-test")
                            .organization(organization)
                            .objectKey("images/" + i + ".png")
                            .bytes(100L + i)
                            .build()));
            signed.add(checkpoints.checkpoint().orElseThrow());
        }
        assertThat(signed).extracting(Checkpoint::seq).containsExactly(seqs(events));
        // kept in the store too, where the database's superuser does not reach
        for (Checkpoint c : signed) {
            assertThat(TestStore.minio()
                            .statObject(StatObjectArgs.builder()
                                    .bucket("labgate-checkpoints")
                                    .object(c.objectKey())
                                    .build())
                            .size())
                    .isPositive();
        }
        JsonPath listed = as(Tokens.AUDITOR)
                .get("/api/v1/usage/checkpoints?size=3")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(listed.getList("items.seq", Long.class)).containsExactly(reversed(seqs(events)));
        String publicKey = listed.getString("publicKey");

        Path dir = Files.createTempDirectory("verify-log");
        assertThat(verifyOffline(dir, events, publicKey)).startsWith("INTACT");

        LoggedEvent rewritten = events.get(1);
        List<LoggedEvent> original = fromSeq(rewritten.seq());
        try {
            rewriteAndRechain(rewritten.seq());
            assertThat(as(Tokens.AUDITOR)
                            .get("/api/v1/usage/verify")
                            .then()
                            .extract()
                            .jsonPath()
                            .getBoolean("valid"))
                    .as("the database's own verification is fooled")
                    .isTrue();
            assertThat(verifyOffline(dir, events, publicKey))
                    .startsWith("BROKEN at seq " + rewritten.seq() + ":")
                    .contains("checkpoint of seq " + rewritten.seq());
        } finally {
            restore(original);
        }
        assertThat(verifyOffline(dir, events, publicKey)).startsWith("INTACT");
    }

    @Test
    void aCheckpointNotSignedByTheKeyIsRefused() {
        Checkpoint genuine = checkpoints
                .checkpoint()
                .orElseGet(() -> checkpoints.list(null, 1).get(0));
        Checkpoint forged = new Checkpoint(
                genuine.seq(), "f".repeat(64), genuine.signedAt(), genuine.keyId(), genuine.signature(), null);
        var key = CheckpointKey.publicKey(checkpoints.key().orElseThrow().publicKeyBase64());
        assertThat(genuine.signedBy(key)).isTrue();
        assertThat(forged.signedBy(key)).isFalse();
        OfflineVerifier.Result result = OfflineVerifier.verify(List.of(), List.of(forged), key);
        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).contains("not signed by this key");
    }

    /** Exports the events and checkpoints as an auditor would, and runs the jar's verify-log command on them. */
    private static String verifyOffline(Path dir, List<LoggedEvent> events, String publicKey) throws Exception {
        String from = events.get(0).occurredAt().toString();
        Path eventsFile = dir.resolve("events.json");
        Files.writeString(
                eventsFile,
                as(Tokens.AUDITOR)
                        .queryParam("from", from)
                        .queryParam("size", 100)
                        .get("/api/v1/usage/events")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        Path checkpointsFile = dir.resolve("checkpoints.json");
        Files.writeString(
                checkpointsFile,
                as(Tokens.AUDITOR)
                        .get("/api/v1/usage/checkpoints?size=1000")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = OfflineVerifier.run(
                new String[] {
                    "--public-key", publicKey, "--checkpoints", checkpointsFile.toString(), eventsFile.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(printed.startsWith("INTACT") ? 0 : 1);
        return printed;
    }

    private static Long[] seqs(List<LoggedEvent> events) {
        return events.stream().map(LoggedEvent::seq).toArray(Long[]::new);
    }

    private static Long[] reversed(Long[] seqs) {
        Long[] out = new Long[seqs.length];
        for (int i = 0; i < seqs.length; i++) {
            out[i] = seqs[seqs.length - 1 - i];
        }
        return out;
    }

    private static Connection superuser() throws SQLException {
        EmbeddedPostgresServer postgres = EmbeddedLabTestResource.lab().postgres();
        return DriverManager.getConnection(
                postgres.jdbcUrl("labgate"), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    private static List<LoggedEvent> fromSeq(long seq) throws SQLException {
        try (Connection db = superuser()) {
            return fromSeq(db, seq);
        }
    }

    private static List<LoggedEvent> fromSeq(Connection db, long seq) throws SQLException {
        List<LoggedEvent> events = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT " + ChainVerifier.COLUMNS + " FROM usage_event WHERE seq >= ? ORDER BY seq")) {
            select.setLong(1, seq);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(ChainVerifier.read(rs));
                }
            }
        }
        return events;
    }

    /**
     * What a superuser can do: change an event's bytes and recompute its hash and every later one, triggers off,
     * with the chain locked so that nothing is appended meanwhile.
     */
    private static void rewriteAndRechain(long seq) throws SQLException {
        try (Connection db = superuser()) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement();
                    PreparedStatement update =
                            db.prepareStatement("UPDATE usage_event SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                s.execute("SET LOCAL session_replication_role = replica");
                s.execute("SELECT pg_advisory_xact_lock(" + UsageLogWriter.CHAIN_LOCK_KEY + ")");
                s.execute("UPDATE usage_event SET bytes = 1 WHERE seq = " + seq);
                String previous;
                try (ResultSet rs = s.executeQuery("SELECT hash FROM usage_event WHERE seq = " + (seq - 1))) {
                    rs.next();
                    previous = rs.getString(1);
                }
                for (LoggedEvent e : fromSeq(db, seq)) {
                    String hash = EventDigest.hash(previous, e);
                    update.setString(1, previous);
                    update.setString(2, hash);
                    update.setLong(3, e.seq());
                    update.executeUpdate();
                    previous = hash;
                }
            }
            db.commit();
        }
    }

    private static void restore(List<LoggedEvent> original) throws SQLException {
        try (Connection db = superuser()) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement();
                    PreparedStatement update = db.prepareStatement(
                            "UPDATE usage_event SET bytes = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                s.execute("SET LOCAL session_replication_role = replica");
                for (LoggedEvent e : original) {
                    update.setObject(1, e.bytes());
                    update.setString(2, e.prevHash());
                    update.setString(3, e.hash());
                    update.setLong(4, e.seq());
                    update.executeUpdate();
                }
            }
            db.commit();
        }
    }
}
