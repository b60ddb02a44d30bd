package io.labgate.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small cache in one replica's memory, for what the data path reads on every request and that never changes
 * (a published version's manifest, a policy version in use) or may be a few seconds stale by design. Bounded the
 * simple way: when {@code maxEntries} is reached it is emptied. A loader that throws caches nothing.
 */
public final class LocalCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long ttlNanos;

    /** A cache whose entries live as long as it has room for them. */
    public static <K, V> LocalCache<K, V> unbounded(int maxEntries) {
        return new LocalCache<>(maxEntries, null);
    }

    /** A cache whose entries are loaded again {@code ttl} after they were loaded. */
    public static <K, V> LocalCache<K, V> expiring(int maxEntries, Duration ttl) {
        return new LocalCache<>(maxEntries, ttl);
    }

    private LocalCache(int maxEntries, Duration ttl) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
    }

    /** The value for {@code key}, loaded (and kept) when it is not here or has expired. */
    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (value != null) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    /** Forgets everything. */
    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
