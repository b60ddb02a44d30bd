package io.labgate.platform.replica;

import io.labgate.platform.db.DedicatedSessions;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * This replica's own PostgreSQL session, outside the connection pool: it holds a session-level advisory lock on a
 * random key for as long as the process lives. PostgreSQL releases the lock when the session ends, also when the
 * process is killed (the server sees the socket close), so any replica can tell whether the replica that wrote a
 * row tagged with a {@link #lockKey() lock key} is still alive ({@link #isHeldByALiveReplica}), without
 * heartbeats or clocks.
 *
 * <p>A watchdog thread checks the session every few seconds and reconnects (taking the lock again) when it
 * broke; while it is broken, other replicas may take this replica for dead.
 */
@Startup
@ApplicationScoped
public class ReplicaSession {

    private static final Logger LOG = Logger.getLogger(ReplicaSession.class);

    /** How often the watchdog checks the session. */
    static final long CHECK_MILLIS = 2_000;

    @Inject
    DedicatedSessions sessions;

    private final long lockKey = new SecureRandom().nextLong();
    private volatile Connection session;
    private volatile boolean running = true;
    private Thread watchdog;

    @PostConstruct
    void start() {
        try {
            connect();
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the replica session: " + e.getMessage(), e);
        }
        watchdog = new Thread(this::watch, "labgate-replica-session");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** The advisory lock key this replica holds while it lives; written on rows that die with it. */
    public long lockKey() {
        return lockKey;
    }

    /**
     * Whether the replica that holds {@code key} is alive. Takes the key as a transaction-level lock on
     * {@code connection} if nobody holds it (then the owner is gone; the lock ends with the caller's transaction),
     * so call it inside a transaction. This replica's own key always counts as alive.
     */
    public boolean isHeldByALiveReplica(Connection connection, long key) throws SQLException {
        if (key == lockKey) {
            return true;
        }
        try (PreparedStatement probe = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            probe.setLong(1, key);
            try (ResultSet rs = probe.executeQuery()) {
                rs.next();
                return !rs.getBoolean(1);
            }
        }
    }

    private void connect() throws SQLException {
        Connection connection = sessions.open("labgate-replica-session", 0);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, lockKey);
            lock.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        session = connection;
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(CHECK_MILLIS);
                Connection current = session;
                if (current == null || !current.isValid(5)) {
                    LOG.warn("the replica session to PostgreSQL broke; reconnecting");
                    closeQuietly(current);
                    session = null;
                    connect();
                    LOG.info("the replica session to PostgreSQL is back");
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                LOG.warnf("could not reopen the replica session: %s", e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        closeQuietly(session);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the session is gone either way
        }
    }
}
