package io.labgate.usage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The outcome of the last hash-chain verification this replica ran ({@link ChainVerifier}, for the API or a
 * report), at no extra cost: {@code labgate_usage_chain_valid} is 1 when it found the chain intact, 0 when it found
 * a break, NaN (no sample) until this replica has verified once; {@code labgate_usage_chain_verified_timestamp_seconds}
 * says when. A verification covers the period it was asked for, not necessarily the whole log.
 */
@ApplicationScoped
public class ChainMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private volatile double valid = Double.NaN;
    private volatile double verifiedAt = Double.NaN;

    @PostConstruct
    void register() {
        Gauge.builder("labgate.usage.chain.valid", this, m -> m.valid)
                .description("1 if the last usage-log chain verification on this replica found no break, else 0")
                .register(registry);
        Gauge.builder("labgate.usage.chain.verified.timestamp", this, m -> m.verifiedAt)
                .baseUnit("seconds")
                .description("When this replica last verified the usage-log chain (Unix time)")
                .register(registry);
    }

    void verified(ChainVerification result) {
        valid = result.valid() ? 1 : 0;
        verifiedAt = clock.millis() / 1000.0;
    }
}
