package io.labgate.access;

import io.labgate.access.api.WorkflowChange;
import io.labgate.usage.api.UsageAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The access workflow as Prometheus sees it:
 * <ul>
 * <li>{@code labgate_access_requests_total{outcome}}: requests {@code submitted}, {@code approved},
 * {@code rejected}, {@code withdrawn} on this replica, counted after their transaction committed;</li>
 * <li>{@code labgate_grants_active{industry}}: grants ACTIVE and inside their period now, by the industry of
 * their dataset (every industry has a series, 0 included);</li>
 * <li>{@code labgate_grants_expiring{window_seconds}}: of those, the grants that end within the window (1 day,
 * 7 days).</li>
 * </ul>
 * The gauges come from one grouped query every {@code labgate.metrics.refresh-every} (15 s), never from a scrape,
 * so scrapes stay cheap; every replica reads the same database and reports the same values.
 */
@ApplicationScoped
public class AccessMetrics {

    private static final Logger LOG = Logger.getLogger(AccessMetrics.class);

    /** The windows of {@code labgate_grants_expiring}, in seconds. */
    static final long[] EXPIRY_WINDOWS = {86_400, 7 * 86_400};

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private MultiGauge activeGrants;
    private MultiGauge expiringGrants;

    @PostConstruct
    void register() {
        for (String outcome : List.of("submitted", "approved", "rejected", "withdrawn")) {
            requests.put(
                    outcome,
                    Counter.builder("labgate.access.requests")
                            .tag("outcome", outcome)
                            .description(
                                    "Access requests by what happened to them (submitted, approved, rejected, withdrawn)")
                            .register(registry));
        }
        activeGrants = MultiGauge.builder("labgate.grants.active")
                .description("Grants ACTIVE and inside their period, by industry of the dataset")
                .register(registry);
        expiringGrants = MultiGauge.builder("labgate.grants.expiring")
                .description("Active grants that end within window_seconds")
                .register(registry);
    }

    /** Counts a request's submission or decision once its transaction has committed. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkflowChange change) {
        String outcome = outcome(change);
        if (outcome != null) {
            requests.get(outcome).increment();
        }
    }

    static String outcome(WorkflowChange change) {
        if (change.action() == UsageAction.REQUEST_SUBMITTED) {
            return "submitted";
        }
        if (change.action() == UsageAction.REQUEST_WITHDRAWN) {
            return "withdrawn";
        }
        if (change.action() == UsageAction.REQUEST_DECIDED && change.what() != null) {
            return switch (change.what()) {
                case "APPROVED", "REJECTED" -> change.what().toLowerCase(Locale.ROOT);
                default -> null;
            };
        }
        return null;
    }

    @Scheduled(
            identity = "access-metrics",
            every = "${labgate.metrics.refresh-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh access metrics: %s", e.getMessage());
        }
    }

    /** Reads the grant gauges from the database now. */
    @SuppressWarnings("unchecked")
    public void refresh() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("""
                SELECT i.code, count(g.id),
                       count(g.id) FILTER (WHERE g.valid_until <= ?2),
                       count(g.id) FILTER (WHERE g.valid_until <= ?3)
                FROM industry i
                LEFT JOIN dataset d ON d.industry_code = i.code
                LEFT JOIN access_grant g ON g.dataset_id = d.id AND g.status = 'ACTIVE'
                     AND g.valid_from <= ?1 AND g.valid_until > ?1
                GROUP BY i.code ORDER BY i.code""")
                        .setParameter(1, now)
                        .setParameter(2, now.plusSeconds(EXPIRY_WINDOWS[0]))
                        .setParameter(3, now.plusSeconds(EXPIRY_WINDOWS[1]))
                        .getResultList());
        List<MultiGauge.Row<?>> active = new ArrayList<>();
        long[] expiring = new long[EXPIRY_WINDOWS.length];
        for (Object[] row : rows) {
            active.add(MultiGauge.Row.of(Tags.of("industry", (String) row[0]), ((Number) row[1]).longValue()));
            for (int i = 0; i < expiring.length; i++) {
                expiring[i] += ((Number) row[2 + i]).longValue();
            }
        }
        activeGrants.register(active, true);
        List<MultiGauge.Row<?>> windows = new ArrayList<>();
        for (int i = 0; i < expiring.length; i++) {
            windows.add(MultiGauge.Row.of(Tags.of("window_seconds", Long.toString(EXPIRY_WINDOWS[i])), expiring[i]));
        }
        expiringGrants.register(windows, true);
    }
}
