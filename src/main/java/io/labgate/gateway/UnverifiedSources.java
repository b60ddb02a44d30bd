package io.labgate.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per source address, how many S3 requests failed verification in the current minute. Past the limit the address is
 * throttled until the minute ends: its requests are refused before any key lookup or signature check, so guessing
 * keys or replaying bad signatures costs LabGate a map lookup. Per replica and in memory (a flood is local to the
 * replica that receives it); bounded by forgetting past minutes, and everything past a hard cap.
 */
final class UnverifiedSources {

    private static final int MAX_SOURCES = 100_000;

    private final int limit;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** The failures of one address in one minute (minutes since the epoch). */
    private record Failures(long minute, AtomicInteger count) {}

    UnverifiedSources(int limitPerMinute, Clock clock) {
        this.limit = limitPerMinute;
        this.clock = clock;
    }

    /** Whether requests from {@code address} are refused unverified for the rest of this minute. */
    boolean throttled(String address) {
        Failures f = failures.get(key(address));
        return f != null && f.minute() == minute() && f.count().get() >= limit;
    }

    /** Counts a request from {@code address} that failed verification. */
    void failed(String address) {
        long now = minute();
        if (failures.size() >= MAX_SOURCES) {
            failures.values().removeIf(f -> f.minute() != now);
            if (failures.size() >= MAX_SOURCES) {
                // a flood from more addresses than we keep: throttling stops, counting in the usage log does not
                failures.clear();
            }
        }
        failures.compute(
                        key(address),
                        (k, f) -> f == null || f.minute() != now ? new Failures(now, new AtomicInteger()) : f)
                .count()
                .incrementAndGet();
    }

    /** Seconds until the current minute ends: the Retry-After of a throttled address. */
    long secondsLeft() {
        return 60 - Math.floorMod(clock.millis() / 1000, 60);
    }

    private long minute() {
        return Math.floorDiv(clock.millis(), 60_000L);
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
