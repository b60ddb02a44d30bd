package io.labgate.usage;

import io.labgate.usage.api.UsageEventDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Identical events of one window (a minute by default) counted in memory
 * ({@link io.labgate.usage.api.UsageLog#tally}): a flood of refused requests costs a map entry per source, reason
 * and window, not a row of the log per request. Bounded: past
 * {@code maxKeys} distinct entries the whole tally is handed over for writing at once.
 */
final class UsageTally {

    private final long windowMillis;
    private final int maxKeys;
    private final Map<UsageEventDraft, LongAdder> counts = new ConcurrentHashMap<>();

    UsageTally(Duration window, int maxKeys) {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("the tally window must be at least a millisecond");
        }
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
    }

    /** Counts the draft in the window of {@code at}; true when the tally is full and should be drained now. */
    boolean count(UsageEventDraft draft, Instant at) {
        Instant window = windowOf(draft.occurredAt() == null ? at : draft.occurredAt());
        counts.computeIfAbsent(draft.asTallyKey(window), k -> new LongAdder()).increment();
        return counts.size() >= maxKeys;
    }

    /** The start of the window that holds {@code at}. */
    Instant windowOf(Instant at) {
        long millis = at.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, windowMillis));
    }

    /**
     * Takes the counts of the windows before {@code now}'s (all of them with {@code everything}) out of the tally,
     * each as one draft standing for its number of events.
     */
    List<UsageEventDraft> drain(Instant now, boolean everything) {
        Instant currentWindow = windowOf(now);
        List<UsageEventDraft> drained = new ArrayList<>();
        for (UsageEventDraft key : counts.keySet()) {
            if (everything || key.occurredAt().isBefore(currentWindow)) {
                LongAdder count = counts.remove(key);
                if (count != null) {
                    long n = count.sum();
                    // an entry counted past int range is split: occurrences is an integer column
                    while (n > 0) {
                        int part = (int) Math.min(n, Integer.MAX_VALUE);
                        drained.add(key.times(part));
                        n -= part;
                    }
                }
            }
        }
        return drained;
    }
}
