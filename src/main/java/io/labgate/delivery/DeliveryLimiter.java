package io.labgate.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Per-organization request rate (a token bucket) and running downloads (a semaphore), in memory, per replica.
 *
 * <p>Our own twenty lines rather than a library: bucket4j and resilience4j are not on the classpath (and the pom
 * stays as it is), and Guava's {@code RateLimiter} is only a transitive dependency of the MinIO client, is
 * {@code @Beta}, and its {@code tryAcquire} does not say how long to wait, which a 429's {@code Retry-After}
 * needs.
 */
@ApplicationScoped
public class DeliveryLimiter {

    /** The limits in force. */
    public record Limits(double requestsPerSecond, int burst, int maxConcurrentStreams) {

        public Limits {
            if (requestsPerSecond <= 0 || burst < 1 || maxConcurrentStreams < 1) {
                throw new IllegalArgumentException("limits must be positive: " + this);
            }
        }
    }

    @Inject
    DeliveryConfig config;

    private volatile Limits limits;
    private final ConcurrentMap<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, Semaphore> streams = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        limits = new Limits(config.requestsPerSecond(), config.burst(), config.maxConcurrentStreams());
    }

    public Limits limits() {
        return limits;
    }

    /** Replaces the limits at runtime (tests; an operator endpoint could use it); counters start afresh. */
    public synchronized void setLimits(Limits newLimits) {
        limits = newLimits;
        buckets.clear();
        streams.clear();
    }

    /**
     * Takes one request token of the organization.
     *
     * @return 0 when granted, otherwise the nanoseconds until a token will be available
     */
    public long tryRequest(UUID organizationId) {
        Limits current = limits;
        return buckets.computeIfAbsent(organizationId, id -> new TokenBucket(current)).tryTake(System.nanoTime());
    }

    /** Takes one download slot of the organization; false when all are in use. Release it with {@link #endStream}. */
    public boolean tryStartStream(UUID organizationId) {
        Limits current = limits;
        return streams.computeIfAbsent(organizationId, id -> new Semaphore(current.maxConcurrentStreams()))
                .tryAcquire();
    }

    public void endStream(UUID organizationId) {
        Semaphore slots = streams.get(organizationId);
        if (slots != null) {
            slots.release();
        }
    }

    /** A classic token bucket: {@code burst} tokens, refilled continuously at {@code requestsPerSecond}. */
    static final class TokenBucket {

        private final double perNano;
        private final double capacity;
        private double tokens;
        private long refilledAt;

        TokenBucket(Limits limits) {
            this.perNano = limits.requestsPerSecond() / 1e9;
            this.capacity = limits.burst();
            this.tokens = capacity;
            this.refilledAt = System.nanoTime();
        }

        synchronized long tryTake(long now) {
            if (now > refilledAt) {
                tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
                refilledAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
