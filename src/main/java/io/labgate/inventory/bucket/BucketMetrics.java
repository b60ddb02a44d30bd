package io.labgate.inventory.bucket;

import io.labgate.inventory.web.BucketResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Prometheus view of bucket usage: {@code labgate_bucket_used_bytes}, {@code labgate_bucket_quota_bytes} and
 * {@code labgate_bucket_objects}, tagged by bucket and purpose, {@code labgate_bucket_quota_ratio} (used over quota,
 * buckets with a quota only), plus {@code labgate_bucket_reconciliations_total}
 * by outcome. Gauges show the database's last reconciled values as this replica last read them (after each of
 * its reconciliation ticks, whether it ran the tick or another replica did), so every replica reports alike.
 */
@ApplicationScoped
public class BucketMetrics {

    @Inject
    MeterRegistry registry;

    private MultiGauge usedBytes;
    private MultiGauge quotaBytes;
    private MultiGauge objects;
    private MultiGauge quotaRatio;
    private Counter reconciled;
    private Counter failed;

    @PostConstruct
    void register() {
        usedBytes = MultiGauge.builder("labgate.bucket.used")
                .baseUnit("bytes")
                .description("Bytes in the bucket at its last reconciliation")
                .register(registry);
        quotaBytes = MultiGauge.builder("labgate.bucket.quota")
                .baseUnit("bytes")
                .description("Quota of the bucket")
                .register(registry);
        objects = MultiGauge.builder("labgate.bucket.objects")
                .description("Objects in the bucket at its last reconciliation")
                .register(registry);
        quotaRatio = MultiGauge.builder("labgate.bucket.quota.ratio")
                .description("Used bytes over quota of the bucket at its last reconciliation")
                .register(registry);
        reconciled = Counter.builder("labgate.bucket.reconciliations")
                .tag("outcome", "reconciled")
                .description("Bucket reconciliations against the object store")
                .register(registry);
        failed = Counter.builder("labgate.bucket.reconciliations")
                .tag("outcome", "failed")
                .description("Bucket reconciliations against the object store")
                .register(registry);
    }

    void reconciled() {
        reconciled.increment();
    }

    void failed() {
        failed.increment();
    }

    /** Replaces the gauges with the given buckets; buckets no longer listed disappear. */
    void publish(List<BucketResponse> buckets) {
        usedBytes.register(
                buckets.stream()
                        .<MultiGauge.Row<?>>map(b -> MultiGauge.Row.of(tags(b), b.usedBytes()))
                        .toList(),
                true);
        quotaBytes.register(
                buckets.stream()
                        .<MultiGauge.Row<?>>map(b -> MultiGauge.Row.of(tags(b), b.quotaBytes()))
                        .toList(),
                true);
        objects.register(
                buckets.stream()
                        .<MultiGauge.Row<?>>map(b -> MultiGauge.Row.of(tags(b), b.objectCount()))
                        .toList(),
                true);
        quotaRatio.register(
                buckets.stream()
                        .filter(b -> b.quotaBytes() > 0)
                        .<MultiGauge.Row<?>>map(
                                b -> MultiGauge.Row.of(tags(b), (double) b.usedBytes() / b.quotaBytes()))
                        .toList(),
                true);
    }

    private static Tags tags(BucketResponse bucket) {
        return Tags.of("bucket", bucket.name(), "purpose", bucket.purpose().name());
    }
}
