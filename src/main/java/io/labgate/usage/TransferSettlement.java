package io.labgate.usage;

import io.labgate.platform.replica.ReplicaSession;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLogException;
import io.labgate.usage.api.UsageOutcome;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Settles the transfers that nobody will complete: those begun by a replica that died (its
 * {@link ReplicaSession} lock is free) and this replica's own that it no longer runs (their completion could not
 * be written). Each gets its completion event, {@code FAILED} with reason {@value #INTERRUPTED} and the reserved
 * bytes as the upper bound of what may have left; the grant's bytes used already hold that reservation, so the
 * grant is settled as it stands. Runs at start and every {@code labgate.usage.settle-every}; safe on every
 * replica at once (a transfer is settled once: see {@link UsageLogWriter.Closes}).
 */
@ApplicationScoped
public class TransferSettlement {

    private static final Logger LOG = Logger.getLogger(TransferSettlement.class);

    /** Reason of the completion of a transfer that was cut by its replica's end. */
    public static final String INTERRUPTED = "INTERRUPTED";

    /** Open transfers looked at per run; the rest wait for the next one. */
    static final int BATCH = 1000;

    @Inject
    DataSource dataSource;

    @Inject
    ReplicaSession replica;

    @Inject
    BatchedUsageLog log;

    void atStart(@Observes StartupEvent event) {
        try {
            settle();
        } catch (RuntimeException e) {
            LOG.warnf("could not settle interrupted transfers at start: %s", e.getMessage());
        }
    }

    @Scheduled(
            identity = "usage-transfer-settlement",
            every = "${labgate.usage.settle-every:30s}",
            delayed = "${labgate.usage.settle-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        settle();
    }

    /** Settles what is settleable now; answers how many completions this call wrote. */
    public int settle() {
        int settled = 0;
        try {
            for (Open open : settleable()) {
                try {
                    if (log.settle(open.startId(), open.completion())) {
                        settled++;
                    }
                } catch (UsageLogException e) {
                    LOG.warnf("could not settle transfer %s: %s", open.startId(), e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new UsageLogException("could not read the open transfers", e);
        }
        if (settled > 0) {
            LOG.infof("%d interrupted transfers settled", settled);
        }
        return settled;
    }

    private record Open(UUID startId, long replicaLock, UsageEventDraft completion) {}

    private List<Open> settleable() throws SQLException {
        List<Open> open = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT start_event_id, replica_lock, "
                    + "completion_action, organization_id, subject, grant_id, dataset_version_id, object_key, "
                    + "reserved_bytes, client_address, request_id, client_request_id FROM usage_open_transfer "
                    + "ORDER BY started_at LIMIT " + BATCH)) {
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        open.add(new Open(
                                rs.getObject(1, UUID.class),
                                rs.getLong(2),
                                UsageEventDraft.builder(
                                                UsageAction.valueOf(rs.getString(3)),
                                                UsageOutcome.FAILED,
                                                rs.getString(5))
                                        .organization(rs.getObject(4, UUID.class))
                                        .grant(rs.getObject(6, UUID.class))
                                        .datasetVersion(rs.getObject(7, UUID.class))
                                        .objectKey(rs.getString(8))
                                        .bytes(rs.getLong(9))
                                        .clientAddress(rs.getString(10))
                                        .requestId(rs.getString(11))
                                        .clientRequestId(rs.getString(12))
                                        .reason(INTERRUPTED)
                                        .build()));
                    }
                }
            }
            Map<Long, Boolean> alive = new HashMap<>();
            List<Open> settleable = new ArrayList<>();
            for (Open o : open) {
                boolean mine = o.replicaLock() == replica.lockKey();
                boolean orphan = mine
                        ? !log.isRunning(o.startId())
                        : !alive.computeIfAbsent(o.replicaLock(), key -> isAlive(connection, key));
                if (orphan) {
                    settleable.add(o);
                }
            }
            return settleable;
        }
    }

    private boolean isAlive(Connection connection, long key) {
        try {
            return replica.isHeldByALiveReplica(connection, key);
        } catch (SQLException e) {
            return true; // when in doubt, it lives: a running transfer must not be written off as interrupted
        }
    }
}
