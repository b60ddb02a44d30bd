package io.labgate.usage;

import io.labgate.platform.http.RequestIds;
import io.labgate.platform.replica.ReplicaSession;
import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.OpenTransfer;
import io.labgate.usage.api.TransferQuota;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageLogException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The {@link UsageLog}: concurrent events are written together in batches by one writer thread; see
 * {@link UsageLogWriter}. When LabGate stops cleanly, everything queued is written first.
 */
@Startup
@ApplicationScoped
public class BatchedUsageLog implements UsageLog {

    private static final Logger LOG = Logger.getLogger(BatchedUsageLog.class);

    /** The writer's own pool (quarkus.datasource.usage): callers waiting for it cannot take its connections. */
    @Inject
    @io.quarkus.agroal.DataSource("usage")
    DataSource dataSource;

    @Inject
    UsageLogConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @Inject
    ReplicaSession replica;

    /** The grants' byte quota, charged in the transactions of transfers' starts and completions. */
    @Inject
    TransferQuota quota;

    /** The callers' persistence context: outbox rows are written in their transactions. */
    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Marks a transaction whose commit is followed by a wait for its outbox events. */
    private static final Object AWAIT_CHAINED = new Object();

    private UsageLogWriter writer;

    /** Refusals counted per minute instead of written one by one ({@link #tally}). */
    private UsageTally tally;

    /** The transfers this replica began and has not completed: the others of its own are settled as orphans. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        tally = new UsageTally(config.tallyWindow(), 10_000);
        writer = new UsageLogWriter(dataSource, quota, config.batchSize(), config.queueCapacity(), clock, registry)
                .start();
    }

    @Override
    public LoggedEvent record(UsageEventDraft draft) {
        return writer.record(draft, config.recordTimeout());
    }

    @Override
    public OpenTransfer begin(UsageEventDraft started, UsageAction completionAction) {
        if (started.action() != UsageAction.TRANSFER_STARTED) {
            throw new IllegalArgumentException("a transfer begins with TRANSFER_STARTED, not " + started.action());
        }
        long reserved = started.bytes() == null ? 0 : started.bytes();
        UUID id = UUID.randomUUID();
        running.add(id);
        try {
            UsageLogWriter.await(
                    writer.recordAsync(
                            id,
                            started,
                            new UsageLogWriter.Opens(replica.lockKey(), completionAction.name(), reserved)),
                    config.recordTimeout());
            return new OpenTransfer(id, reserved);
        } catch (RuntimeException e) {
            // the start may still commit after a timeout: then the transfer is an orphan and gets settled
            running.remove(id);
            throw e;
        }
    }

    @Override
    public LoggedEvent complete(OpenTransfer transfer, UsageEventDraft completion) {
        try {
            return UsageLogWriter.await(
                    writer.recordAsync(UUID.randomUUID(), completion, new UsageLogWriter.Closes(transfer.id(), false)),
                    config.recordTimeout());
        } finally {
            running.remove(transfer.id());
        }
    }

    /**
     * Writes the completion of a transfer nobody will complete (its replica died, or forgot it), unless another
     * replica did so first; true when this call wrote it.
     */
    boolean settle(UUID startId, UsageEventDraft completion) {
        return UsageLogWriter.await(
                        writer.recordAsync(UUID.randomUUID(), completion, new UsageLogWriter.Closes(startId, true)),
                        config.recordTimeout())
                != UsageLogWriter.NOT_WRITTEN;
    }

    /** Whether this replica is still running the transfer (begun, not completed). */
    boolean isRunning(UUID startId) {
        return running.contains(startId);
    }

    @Override
    public CompletableFuture<LoggedEvent> recordAsync(UsageEventDraft draft) {
        return writer.recordAsync(draft);
    }

    @Override
    public void recordWithChange(UsageEventDraft draft) {
        if (!QuarkusTransaction.isActive()) {
            record(draft);
            return;
        }
        UsageEventDraft d = draft.completedWith(clock.instant(), RequestIds.current(), RequestIds.currentClient());
        try {
            // on the connection of the caller's transaction
            em.unwrap(Session.class).doWork(connection -> UsageLogWriter.insertOutbox(connection, d));
        } catch (PersistenceException e) {
            // the change must not commit without its event: the caller's transaction is rolled back
            QuarkusTransaction.setRollbackOnly();
            throw new UsageLogException("the usage event of the change could not be written", e);
        }
        if (transactions.getResource(AWAIT_CHAINED) == null) {
            // once committed, the caller goes on only when its events are in the chain (one wait per transaction)
            transactions.putResource(AWAIT_CHAINED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        awaitChained();
                    }
                }
            });
        }
    }

    /**
     * Waits (at most the record timeout, never failing) until the outbox rows committed so far are in the chain:
     * after a change committed, so that its answer leaves once its event can be read in the log.
     */
    private void awaitChained() {
        try {
            writer.drainOutboxSoon().get(config.recordTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | UsageLogException e) {
            // the events are safe in the outbox; the next drain (this replica's or another's) chains them
            LOG.warnf("events of committed changes are not chained yet: %s", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void tally(UsageEventDraft draft) {
        registry.counter("labgate.usage.tallied", "action", draft.action().name())
                .increment();
        if (tally.count(draft, clock.instant())) {
            writeTallies(true);
        }
    }

    /** Writes the tallies of the minutes that ended; every few seconds, so a minute is in the log soon after it. */
    @Scheduled(every = "${labgate.usage.tally-flush-every:10s}", concurrentExecution = ConcurrentExecution.SKIP)
    void flushTallies() {
        writeTallies(false);
    }

    private void writeTallies(boolean everything) {
        for (UsageEventDraft counted : tally.drain(clock.instant(), everything)) {
            writer.recordAsync(counted).exceptionally(e -> {
                LOG.warnf(
                        "a tally of %d %s events could not be written: %s", counted.occurrences(), counted.reason(), e);
                return null;
            });
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        writeTallies(true);
        writer.stop(config.shutdownTimeout());
    }

    @PreDestroy
    void destroy() {
        writeTallies(true);
        writer.stop(config.shutdownTimeout());
    }
}
