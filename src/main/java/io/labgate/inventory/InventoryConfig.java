package io.labgate.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Inventory settings: how the lab's buckets are kept in step with the real object store. */
@ConfigMapping(prefix = "labgate.inventory")
public interface InventoryConfig {

    /**
     * How often every registered bucket is reconciled against the object store, as a Quarkus scheduler period
     * ({@code 15m}, {@code 1h}); {@code off} disables the job. The scheduler reads this key itself; it is listed
     * here so that the whole {@code labgate.inventory} namespace is documented in one place.
     */
    @WithDefault("15m")
    String reconcileEvery();

    /**
     * The longest one reconciliation tick may run while it holds the database lock that keeps other replicas
     * out. Buckets not reached by then wait for the next tick. Keep it shorter than {@link #reconcileEvery()}.
     */
    @WithDefault("10m")
    Duration reconcileTimeout();
}
