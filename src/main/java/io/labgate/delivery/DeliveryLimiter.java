package io.labgate.delivery;

import io.labgate.platform.db.ShortStatements;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Per-organization request rate and running downloads.
 *
 * <p><b>Request rate: shared by every replica.</b> One token bucket per organization in PostgreSQL
 * ({@code rate_limit_bucket}), taken with one {@code INSERT … ON CONFLICT DO UPDATE … RETURNING} that refills by
 * the database clock and takes a token in the same row update. It runs in its own short transaction, so the
 * organization's row is locked only for that statement, never across the caller's work; concurrent requests of
 * one organization queue on its row (at most its own rate is ever granted), other organizations never meet it.
 * With n replicas an organization still gets {@code burst + requestsPerSecond × t} requests in t seconds, not n
 * times that. A statement takes a small lease of tokens ({@link #leaseSize}, V22) that the replica hands out
 * itself for up to a second, so a busy organization costs its row one update per lease.
 *
 * <p><b>Running downloads: per replica</b> (a semaphore in memory). A shared count would need leased slots
 * renewed by every running transfer and taken back after a dead replica's lease ran out; a semaphore can never
 * leak a slot, and the limit protects this replica's threads and connections, which is what it is for. With n
 * replicas an organization may run up to n × {@code max-concurrent-streams} downloads.
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

    /**
     * Refill and take in one row update. {@code excluded.refreshed_at} is the statement's one reading of the
     * database clock; a statement that waited for the row behind a later one gets no refill (the time is never
     * counted twice) and leaves {@code refreshed_at} where it was. Every SET expression reads the old row. Fewer
     * than one token available floors to none taken, so a refusal takes nothing without a case of its own.
     */
    static final String TAKE = """
            INSERT INTO rate_limit_bucket AS b (organization_id, tokens, refreshed_at, granted, taken)
            VALUES (?1, ?2 - least(?4, floor(?2)), clock_timestamp(), true, least(?4, floor(?2))::integer)
            ON CONFLICT (organization_id) DO UPDATE SET
                taken = least(?4, floor(rate_limit_available(b.tokens, b.refreshed_at, excluded.refreshed_at, ?3, ?2)))
                    ::integer,
                tokens = rate_limit_available(b.tokens, b.refreshed_at, excluded.refreshed_at, ?3, ?2)
                    - least(?4, floor(rate_limit_available(b.tokens, b.refreshed_at, excluded.refreshed_at, ?3, ?2))),
                granted = rate_limit_available(b.tokens, b.refreshed_at, excluded.refreshed_at, ?3, ?2) >= 1,
                refreshed_at = greatest(b.refreshed_at, excluded.refreshed_at)
            RETURNING tokens, granted, taken""";

    /** How long the unused tokens of a lease may still be handed out; then they are dropped. */
    static final long LEASE_NANOS = 1_000_000_000L;

    /** Tokens of an organization this replica took from its shared bucket and has not handed out yet. */
    private static final class Lease {
        int left;
        long expiresAt;
    }

    @Inject
    DeliveryConfig config;

    @Inject
    ShortStatements statements;

    private volatile Limits limits;
    private final ConcurrentMap<UUID, Semaphore> streams = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, Lease> leases = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        limits = new Limits(config.requestsPerSecond(), config.burst(), config.maxConcurrentStreams());
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Replaces the limits at runtime (tests; an operator endpoint could use it); counters start afresh: every
     * organization's shared bucket is full again (on every replica, which keep their own limits until told).
     */
    public synchronized void setLimits(Limits newLimits) {
        limits = newLimits;
        streams.clear();
        leases.clear();
        statements.update("DELETE FROM rate_limit_bucket");
    }

    /**
     * Takes one request token of the organization: from this replica's lease when it holds one, else by taking a
     * new lease of up to {@link #leaseSize} tokens from the shared bucket with one statement committed on its own (a
     * caller's transaction is suspended meanwhile). Tokens of a lease unused for a second are dropped, so the
     * organization never gets more than its bucket allows, whatever the number of replicas.
     *
     * @return 0 when granted, otherwise the nanoseconds until a token will be available
     */
    public long tryRequest(UUID organizationId) {
        Limits current = limits;
        Lease lease = leases.computeIfAbsent(organizationId, id -> new Lease());
        // one organization's requests on this replica queue here, as they would on its row
        synchronized (lease) {
            long now = System.nanoTime();
            if (lease.left > 0 && now - lease.expiresAt < 0) {
                lease.left--;
                return 0;
            }
            Object[] row = statements.queryOne(
                    TAKE,
                    rs -> new Object[] {rs.getDouble(1), rs.getBoolean(2), rs.getInt(3)},
                    organizationId,
                    (double) current.burst(),
                    current.requestsPerSecond(),
                    leaseSize(current));
            boolean granted = (Boolean) row[1];
            lease.left = granted ? (Integer) row[2] - 1 : 0;
            lease.expiresAt = now + LEASE_NANOS;
            return waitNanos((Double) row[0], granted, current.requestsPerSecond());
        }
    }

    /**
     * Tokens taken per statement: a quarter of the burst, at most 20, at least 1. A small burst (tight limits)
     * keeps one statement per request, so the shared bucket stays exact; a large one spares the row.
     */
    static int leaseSize(Limits limits) {
        return Math.max(1, Math.min(20, limits.burst() / 4));
    }

    /** 0 when the token was granted, else how long until the bucket holds a whole token again. */
    static long waitNanos(double tokensLeft, boolean granted, double requestsPerSecond) {
        if (granted) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokensLeft) / requestsPerSecond * 1e9));
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
}
