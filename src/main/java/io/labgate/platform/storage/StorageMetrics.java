package io.labgate.platform.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code labgate_storage_call_seconds{operation,outcome}}: every call of {@link ObjectStore} to the object store,
 * timed, with outcome {@code success} or {@code failure}. Opening an object times the open only, not the read
 * of its bytes. A few fixed buckets (5 ms to 10 s) allow {@code histogram_quantile}.
 */
@ApplicationScoped
public class StorageMetrics {

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(25),
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10)
    };

    @Inject
    MeterRegistry registry;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** Runs the call, timing it under the operation; a RuntimeException counts as a failure and is rethrown. */
    <T> T time(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = FAILURE;
        try {
            T result = call.get();
            outcome = SUCCESS;
            return result;
        } finally {
            timer(operation, outcome).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** As {@link #time(String, Supplier)} where the outcome is told by the answer (a probe that never throws). */
    boolean probe(String operation, Supplier<Boolean> call) {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            ok = call.get();
            return ok;
        } finally {
            timer(operation, ok ? SUCCESS : FAILURE).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Timer timer(String operation, String outcome) {
        return timers.computeIfAbsent(
                operation + '|' + outcome,
                k -> Timer.builder("labgate.storage.call")
                        .description("Calls to the object store, by operation and outcome")
                        .tag("operation", operation)
                        .tag("outcome", outcome)
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry));
    }
}
