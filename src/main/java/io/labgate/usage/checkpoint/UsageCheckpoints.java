package io.labgate.usage.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.storage.ObjectStore;
import io.labgate.usage.UsageLogConfig;
import io.labgate.usage.api.UsageLogException;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Signs the usage log's head now and then ({@code labgate.usage.checkpoint-every}, on every replica: the second
 * one to come finds the head signed already) and keeps each {@link Checkpoint} in {@code usage_checkpoint} (V26)
 * and, when {@code labgate.usage.checkpoint.bucket} is set, as a JSON object in the store, where it outlives the
 * database (put the bucket under object lock where the store has it). Off without a key.
 */
@ApplicationScoped
public class UsageCheckpoints {

    private static final Logger LOG = Logger.getLogger(UsageCheckpoints.class);

    /** Serialises checkpointing across replicas ("lgckpt"). */
    static final long LOCK_KEY = 0x6C67_636B_7074L;

    /** Where checkpoint objects go in the bucket. */
    public static final String OBJECT_PREFIX = "usage-checkpoints/";

    @Inject
    UsageLogConfig config;

    private Optional<String> bucket;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectStore store;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    private CheckpointKey key;

    @PostConstruct
    void init() {
        Optional<String> privateKey = config.checkpoint().privateKey();
        Optional<String> publicKey = config.checkpoint().publicKey();
        bucket = config.checkpoint().bucket();
        if (privateKey.isPresent() != publicKey.isPresent()) {
            throw new IllegalStateException(
                    "labgate.usage.checkpoint.private-key and public-key are set together, or neither");
        }
        key = privateKey.map(p -> CheckpointKey.of(p, publicKey.orElseThrow())).orElse(null);
    }

    @Scheduled(
            identity = "usage-checkpoints",
            every = "${labgate.usage.checkpoint-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (key == null) {
            return;
        }
        try {
            checkpoint().ifPresent(c -> LOG.debugf("usage log signed at seq %d", c.seq()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not sign a checkpoint of the usage log");
        }
    }

    public boolean enabled() {
        return key != null;
    }

    /** The public key that verifies the checkpoints (base64 X.509), and its id. */
    public Optional<CheckpointKey> key() {
        return Optional.ofNullable(key);
    }

    /** Signs the log's head unless it is signed already; the new checkpoint, or empty. */
    public Optional<Checkpoint> checkpoint() {
        if (key == null) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "no checkpoint key is configured");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<Checkpoint> made = checkpoint(connection);
                connection.commit();
                return made;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new UsageLogException("the usage log could not be checkpointed", e);
        }
    }

    private Optional<Checkpoint> checkpoint(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
        long seq;
        String hash;
        try (PreparedStatement head =
                        connection.prepareStatement("SELECT seq, hash FROM usage_event ORDER BY seq DESC LIMIT 1");
                ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            seq = rs.getLong(1);
            hash = rs.getString(2);
        }
        try (PreparedStatement last =
                        connection.prepareStatement("SELECT coalesce(max(seq), 0) FROM usage_checkpoint");
                ResultSet rs = last.executeQuery()) {
            rs.next();
            if (rs.getLong(1) >= seq) {
                return Optional.empty();
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String objectKey = bucket.map(b -> OBJECT_PREFIX + String.format("%020d", seq) + ".json")
                .orElse(null);
        Checkpoint checkpoint = key.sign(seq, hash, now, objectKey);
        if (objectKey != null) {
            String name = bucket.orElseThrow();
            if (!store.bucketExists(name)) {
                store.createBucket(name);
            }
            // first the store: a checkpoint there whose row did not commit is still a true statement
            store.put(name, objectKey, toJson(checkpoint), "application/json");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_checkpoint "
                + "(seq, hash, signed_at, key_id, signature, object_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, hash);
            insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(4, checkpoint.keyId());
            insert.setString(5, checkpoint.signature());
            insert.setString(6, objectKey);
            insert.executeUpdate();
        }
        return Optional.of(checkpoint);
    }

    /** The checkpoints, newest first: at most {@code limit}, with seq below {@code beforeSeq} when given. */
    public List<Checkpoint> list(Long beforeSeq, int limit) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT seq, hash, signed_at, key_id, "
                        + "signature, object_key FROM usage_checkpoint WHERE seq < ? ORDER BY seq DESC LIMIT ?")) {
            select.setLong(1, beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    checkpoints.add(new Checkpoint(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new UsageLogException("the checkpoints could not be read", e);
        }
        return checkpoints;
    }

    private byte[] toJson(Checkpoint checkpoint) {
        try {
            return json.writeValueAsString(checkpoint).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
