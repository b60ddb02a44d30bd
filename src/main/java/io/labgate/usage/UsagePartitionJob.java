package io.labgate.usage;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Creates the usage log's monthly partitions ahead of time ({@code labgate.usage.partition-every}): the current
 * UTC month and {@code labgate.usage.partition-months-ahead} more. Safe with several replicas: the database
 * function {@code usage_event_ensure_partition} is idempotent and serialises on an advisory lock.
 */
@ApplicationScoped
public class UsagePartitionJob {

    private static final Logger LOG = Logger.getLogger(UsagePartitionJob.class);

    @Inject
    DataSource dataSource;

    @Inject
    UsageLogConfig config;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "usage-partitions",
            every = "${labgate.usage.partition-every:6h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            List<String> partitions = run();
            LOG.debugf("usage log partitions ready: %s", partitions);
        } catch (SQLException e) {
            LOG.errorf(e, "could not prepare the usage log's partitions; events fall into the default partition");
        }
    }

    /** Ensures the partitions of the current month and the months ahead; answers their names. */
    public List<String> run() throws SQLException {
        LocalDate month = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        List<String> names = new ArrayList<>();
        for (int ahead = 0; ahead <= config.partitionMonthsAhead(); ahead++) {
            names.add(ensure(month.plusMonths(ahead)));
        }
        return names;
    }

    /**
     * Ensures the partition of the month of {@code day}; answers its name, or null when the default partition
     * already holds events of that month (then they stay there; the database logs a warning).
     */
    public String ensure(LocalDate day) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ensure = connection.prepareStatement("SELECT usage_event_ensure_partition(?)")) {
            ensure.setObject(1, day);
            try (ResultSet rs = ensure.executeQuery()) {
                rs.next();
                String name = rs.getString(1);
                if (name == null) {
                    LOG.warnf(
                            "the usage log's default partition holds events of %s; no partition created",
                            day.withDayOfMonth(1));
                }
                return name;
            }
        }
    }
}
