package io.labgate.platform.cache;

import io.quarkus.arc.Arc;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rows of one table kept in this replica's memory while the {@link ChangeFeed} hears their changes: a change
 * committed anywhere makes every replica forget the row within milliseconds; while the feed is deaf, every read
 * goes to the database. Keys are the text the table's trigger announces (see V23).
 *
 * <p>A value loaded while any change was announced is not kept: the load may have read the row before that change.
 */
public final class WatchedCache<V> {

    private record Entry<V>(V value, long loadedAt) {}

    private final ChangeFeed feed;
    private final String table;
    private final int maxEntries;
    private final long maxAgeNanos;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    WatchedCache(ChangeFeed feed, String table, int maxEntries, Duration maxAge) {
        this.feed = feed;
        this.table = table;
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAge.toNanos();
    }

    String table() {
        return table;
    }

    /** The row for {@code key}: kept, or loaded (null when there is none; absence is not kept). */
    public V get(String key, Function<String, V> loader) {
        if (!feed.live()) {
            return loader.apply(key);
        }
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < maxAgeNanos) {
            return entry.value();
        }
        long generation = feed.generation();
        V value = loader.apply(key);
        if (value != null && feed.generation() == generation && feed.live()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    /**
     * Forgets the row of {@code key} on this replica once the current transaction commits (at once without one),
     * without waiting for the feed: this replica's next request after the change never sees the old row. Call it
     * where the row is changed; other replicas hear of it from the feed.
     */
    public static void changedInThisTransaction(String table, String key) {
        ChangeFeed feed = Arc.container().instance(ChangeFeed.class).get();
        TransactionSynchronizationRegistry transactions = Arc.container()
                .instance(TransactionSynchronizationRegistry.class)
                .get();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            feed.changed(table, key);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                feed.changed(table, key);
            }
        });
    }

    void forget(String key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
