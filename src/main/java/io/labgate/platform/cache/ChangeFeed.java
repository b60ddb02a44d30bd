package io.labgate.platform.cache;

import io.labgate.platform.db.DedicatedSessions;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * This replica's ear for changes of cached rows: a PostgreSQL session of its own, outside the pool, that
 * {@code LISTEN}s on {@value #CHANNEL} (announced by the triggers of V23 as {@code <table>:<key>}, at commit, to
 * every replica) and makes the {@link WatchedCache}s forget the changed entries.
 *
 * <p>Staleness is bounded also when notifications cannot arrive: the caches are used only while the feed is
 * {@link #live()} — its session answered within the last {@link #HEARTBEAT_MILLIS} × 2 — and they are emptied
 * whenever the session is (re)opened, so nothing from before a gap survives it. Every entry is also read again at
 * the latest after {@code labgate.cache.max-age}.
 */
@Startup
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    /** The channel the triggers announce on. */
    public static final String CHANNEL = "labgate_change";

    /** How often the session is asked whether it still answers (a notification counts too). */
    static final long HEARTBEAT_MILLIS = 500;

    @Inject
    DedicatedSessions sessions;

    @ConfigProperty(name = "labgate.cache.max-age", defaultValue = "30s")
    Duration maxAge;

    private final List<WatchedCache<?>> caches = new CopyOnWriteArrayList<>();

    /** Counts every invalidation: a load that saw it change keeps nothing (it may have read the old row). */
    private final AtomicLong generation = new AtomicLong();

    private volatile long lastHeardNanos;
    private volatile boolean listening;
    private volatile boolean running = true;
    private Thread listener;

    @PostConstruct
    void start() {
        listener = new Thread(this::listen, "labgate-change-feed");
        listener.setDaemon(true);
        listener.start();
    }

    /** A cache of rows of {@code table}, forgotten when the row changes. */
    public <V> WatchedCache<V> watch(String table, int maxEntries) {
        WatchedCache<V> cache = new WatchedCache<>(this, table, maxEntries, maxAge);
        caches.add(cache);
        return cache;
    }

    /** Whether notifications reach this replica now: the caches may be used. */
    public boolean live() {
        return listening && System.nanoTime() - lastHeardNanos < HEARTBEAT_MILLIS * 2_000_000L;
    }

    long generation() {
        return generation.get();
    }

    /** Forgets one entry of every cache of {@code table} (a change seen by this replica or announced by another). */
    public void changed(String table, String key) {
        generation.incrementAndGet();
        for (WatchedCache<?> cache : caches) {
            if (cache.table().equals(table)) {
                cache.forget(key);
            }
        }
    }

    private void forgetEverything() {
        generation.incrementAndGet();
        caches.forEach(WatchedCache::clear);
    }

    private void listen() {
        while (running) {
            try (Connection session = connect()) {
                try (Statement listen = session.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                // whatever changed while nobody listened is unknown: start from nothing
                forgetEverything();
                lastHeardNanos = System.nanoTime();
                listening = true;
                LOG.debug("listening for changes of cached rows");
                PGConnection pg = session.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) HEARTBEAT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification notification : notifications) {
                            announce(notification.getParameter());
                        }
                    } else if (!session.isValid(2)) {
                        throw new SQLException("the session does not answer");
                    }
                    lastHeardNanos = System.nanoTime();
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                forgetEverything();
                if (running) {
                    LOG.warnf("not listening for changes of cached rows (caches off until back): %s", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void announce(String payload) {
        int colon = payload.indexOf(':');
        if (colon > 0) {
            changed(payload.substring(0, colon), payload.substring(colon + 1));
        } else {
            forgetEverything();
        }
    }

    private Connection connect() throws SQLException {
        // a silent network must not leave the feed believed live: a read waits at most 5 s
        Connection connection = sessions.open("labgate-change-feed", 5);
        connection.setAutoCommit(true);
        return connection;
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
