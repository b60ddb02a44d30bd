package io.labgate.booking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Lab servers and their bookings as Prometheus sees them:
 * <ul>
 * <li>{@code labgate_server_bookings_active}: bookings (not cancelled) running now;</li>
 * <li>{@code labgate_server_utilisation_ratio{server}}: per server not retired (by hostname), booked hours over
 * available hours in the last 30 days, where available is the 30 days minus the server's maintenance windows;</li>
 * <li>{@code labgate_server_bookings_in_maintenance}: bookings not yet ended (not cancelled) of servers whose
 * status is MAINTENANCE: they will not get their server unless someone acts.</li>
 * </ul>
 * Read from the database every {@code labgate.metrics.refresh-every} (15 s), never on a scrape.
 */
@ApplicationScoped
public class BookingMetrics {

    private static final Logger LOG = Logger.getLogger(BookingMetrics.class);

    static final Duration UTILISATION_WINDOW = Duration.ofDays(30);

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    private final AtomicLong active = new AtomicLong();
    private final AtomicLong inMaintenance = new AtomicLong();
    private MultiGauge utilisation;

    @PostConstruct
    void register() {
        Gauge.builder("labgate.server.bookings.active", active, AtomicLong::get)
                .description("Server bookings running now")
                .register(registry);
        Gauge.builder("labgate.server.bookings.in.maintenance", inMaintenance, AtomicLong::get)
                .description("Bookings not yet ended of servers whose status is MAINTENANCE")
                .register(registry);
        utilisation = MultiGauge.builder("labgate.server.utilisation.ratio")
                .description("Booked hours over available hours (30 days minus maintenance) in the last 30 days")
                .register(registry);
    }

    @Scheduled(
            identity = "booking-metrics",
            every = "${labgate.metrics.refresh-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh booking metrics: %s", e.getMessage());
        }
    }

    /** Reads the booking gauges from the database now. */
    @SuppressWarnings("unchecked")
    public void refresh() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime from = now.minus(UTILISATION_WINDOW);
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] counts = (Object[])
                    entityManager.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE r.starts_at <= ?1),
                           count(*) FILTER (WHERE s.status = 'MAINTENANCE')
                    FROM server_reservation r JOIN lab_server s ON s.id = r.server_id
                    WHERE r.kind = 'BOOKING' AND r.cancelled_at IS NULL AND r.ends_at > ?1""").setParameter(1, now).getSingleResult();
            active.set(((Number) counts[0]).longValue());
            inMaintenance.set(((Number) counts[1]).longValue());
            List<Object[]> rows = entityManager
                    .createNativeQuery("""
                    SELECT s.hostname,
                           coalesce(sum(extract(epoch FROM least(r.ends_at, ?1) - greatest(r.starts_at, ?2)))
                               FILTER (WHERE r.kind = 'BOOKING'), 0),
                           coalesce(sum(extract(epoch FROM least(r.ends_at, ?1) - greatest(r.starts_at, ?2)))
                               FILTER (WHERE r.kind = 'MAINTENANCE'), 0)
                    FROM lab_server s
                    LEFT JOIN server_reservation r ON r.server_id = s.id AND r.cancelled_at IS NULL
                         AND r.starts_at < ?1 AND r.ends_at > ?2
                    WHERE s.status <> 'RETIRED'
                    GROUP BY s.hostname ORDER BY s.hostname""")
                    .setParameter(1, now)
                    .setParameter(2, from)
                    .getResultList();
            double window = UTILISATION_WINDOW.toSeconds();
            List<MultiGauge.Row<?>> ratios = new ArrayList<>();
            for (Object[] row : rows) {
                double booked = ((Number) row[1]).doubleValue();
                double available = window - ((Number) row[2]).doubleValue();
                ratios.add(MultiGauge.Row.of(
                        Tags.of("server", (String) row[0]), available <= 0 ? 0 : Math.min(1, booked / available)));
            }
            utilisation.register(ratios, true);
        });
    }
}
