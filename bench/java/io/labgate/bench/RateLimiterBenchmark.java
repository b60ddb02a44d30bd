package io.labgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.delivery.DeliveryLimiter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cost of the shared request-rate limiter ({@link DeliveryLimiter#tryRequest}: one upsert on the organization's
 * {@code rate_limit_bucket} row in its own transaction), run only by the Maven profile {@code bench}:
 * {@code ./mvnw -Pbench test -Dtest=RateLimiterBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Limits are
 * raised so that every call is granted (the statement does the same work either way). Three shapes: one caller;
 * 8 callers of one organization (all on one row: the hot-row case); 8 callers of 8 organizations.
 */
@QuarkusTest
class RateLimiterBenchmark {

    static final int CALLS = Integer.getInteger("bench.limiter-calls", 4000);
    static final int THREADS = 8;

    @Inject
    DeliveryLimiter limiter;

    @Test
    void measureTheSharedLimiter() throws Exception {
        DeliveryLimiter.Limits before = limiter.limits();
        limiter.setLimits(new DeliveryLimiter.Limits(1_000_000, 1_000_000, 8));
        try {
            UUID one = UUID.randomUUID();
            run("warm-up", 1, CALLS / 4, i -> one);
            List<String> lines = new ArrayList<>();
            lines.add(run("1 caller, 1 organization", 1, CALLS, i -> one));
            lines.add(run(THREADS + " callers, 1 organization (one row)", THREADS, CALLS, i -> one));
            UUID[] many = new UUID[THREADS];
            Arrays.setAll(many, i -> UUID.randomUUID());
            lines.add(run(THREADS + " callers, " + THREADS + " organizations", THREADS, CALLS, i -> many[i]));
            System.out.println("| shape | calls | calls/s | mean ms | p50 ms | p99 ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            lines.forEach(System.out::println);
        } finally {
            limiter.setLimits(before);
        }
    }

    interface OrgOf {
        UUID of(int thread);
    }

    private String run(String shape, int threads, int calls, OrgOf org) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[][] nanos = new long[threads][calls / threads];
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < nanos[thread].length; i++) {
                        long t0 = System.nanoTime();
                        assertThat(limiter.tryRequest(org.of(thread))).isZero();
                        nanos[thread][i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(nanos).flatMapToLong(Arrays::stream).sorted().toArray();
        double mean = Arrays.stream(all).average().orElse(0) / 1e6;
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.0f | %.2f | %.2f | %.2f |",
                shape,
                all.length,
                all.length / seconds,
                mean,
                all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6);
    }
}
