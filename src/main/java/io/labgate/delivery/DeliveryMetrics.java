package io.labgate.delivery;

import io.labgate.delivery.api.AccessPath;
import io.labgate.delivery.api.DeliveryRefused.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Data access as Prometheus sees it:
 * <ul>
 * <li>{@code labgate_served_bytes_total{path}}: bytes LabGate sent to clients, by access path ({@code STREAM},
 * {@code S3_ENDPOINT}); presigned links are downloaded from the store directly, so LabGate never sees their
 * bytes and has no {@code PRESIGNED_URL} series;</li>
 * <li>{@code labgate_links_issued_total}: presigned links issued;</li>
 * <li>{@code labgate_access_refusals_total{reason}}: refused data requests by {@link Reason}.</li>
 * </ul>
 * Every series exists from start (at 0), so that dashboards and {@code increase()} see the first event.
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<AccessPath, Counter> servedBytes = new EnumMap<>(AccessPath.class);
    private final Map<Reason, Counter> refusals = new EnumMap<>(Reason.class);
    private Counter links;

    @PostConstruct
    void register() {
        for (AccessPath path : new AccessPath[] {AccessPath.STREAM, AccessPath.S3_ENDPOINT}) {
            servedBytes.put(
                    path,
                    Counter.builder("labgate.served")
                            .baseUnit("bytes")
                            .tag("path", path.name())
                            .description(
                                    "Bytes LabGate sent to clients, by access path (presigned downloads bypass it)")
                            .register(registry));
        }
        for (Reason reason : Reason.values()) {
            refusals.put(
                    reason,
                    Counter.builder("labgate.access.refusals")
                            .tag("reason", reason.name())
                            .description("Data requests refused, by reason")
                            .register(registry));
        }
        links = Counter.builder("labgate.links.issued")
                .description("Presigned links issued")
                .register(registry);
    }

    public void served(AccessPath path, long bytes) {
        Counter counter = servedBytes.get(path);
        if (counter != null && bytes > 0) {
            counter.increment(bytes);
        }
    }

    public void refused(Reason reason) {
        refusals.get(reason).increment();
    }

    void linksIssued(int count) {
        links.increment(count);
    }
}
