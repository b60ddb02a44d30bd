package io.labgate.usage;

import io.labgate.platform.http.RequestIds;
import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.QuotaNotReserved;
import io.labgate.usage.api.TransferQuota;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLogException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Appends usage events to the chain in batches. Callers put drafts on a bounded queue and get a future; one
 * writer thread takes whatever is queued (up to the batch size), and in one transaction takes the chain's
 * advisory lock, reads the last link, chains and inserts the batch, commits, and only then completes the futures
 * (exceptionally when anything failed: nothing is silently lost). Not a CDI bean, so that a test can bind one to
 * any data source; {@link UsageLog} is the application's instance.
 */
public class UsageLogWriter {

    private static final Logger LOG = Logger.getLogger(UsageLogWriter.class);

    /**
     * Key of the transaction-level PostgreSQL advisory lock that every writer (of every replica) holds while it
     * appends to the chain. The bytes spell "lgusagec".
     */
    public static final long CHAIN_LOCK_KEY = 0x6C67_7573_6167_6563L;

    /** Rows per INSERT statement: 18 parameters a row stays under PostgreSQL's 32767 bind parameters. */
    static final int ROWS_PER_STATEMENT = 1000;

    private static final String COLUMNS = "id, seq, occurred_at, organization_id, subject, grant_id, "
            + "dataset_version_id, action, object_key, bytes, client_address, outcome, reason, request_id, "
            + "client_request_id, occurrences, prev_hash, hash";
    private static final String ROW =
            "(?::uuid, ?, ?::timestamptz, ?::uuid, ?, ?::uuid, ?::uuid, ?, ?, ?::bigint, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * What an event does to the open transfers (V19, {@code usage_open_transfer}) and their grants' quota in its
     * own transaction: a TRANSFER_STARTED reserves its bytes and opens one, a completion gives back what it did not
     * send and closes it.
     */
    sealed interface TransferStep {}

    /** Registers the transfer as open, held by the replica whose session holds {@code replicaLock}. */
    record Opens(long replicaLock, String completionAction, long reservedBytes) implements TransferStep {}

    /**
     * Closes the transfer started by event {@code startId}. A settlement ({@code onlyIfOpen}) is written only if
     * the transfer is still open, so that two replicas settling at once write one completion; a transfer's own
     * completion is always written (it is the truth about the bytes).
     */
    record Closes(UUID startId, boolean onlyIfOpen) implements TransferStep {}

    /** Not an event: asks the writer to move the outbox into the chain now ({@link #drainOutboxSoon}). */
    record DrainsOutbox() implements TransferStep {}

    /** A settlement that found its transfer closed already: nothing was written. */
    static final LoggedEvent NOT_WRITTEN = null;

    private record Pending(UUID id, UsageEventDraft draft, TransferStep step, CompletableFuture<LoggedEvent> done) {}

    private final DataSource dataSource;
    private final TransferQuota quota;
    private final int batchSize;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final ReadWriteLock accepting = new ReentrantReadWriteLock();
    private final Timer writeTimer;
    private final DistributionSummary batchSizes;
    private final Counter failures;
    private final MeterRegistry registry;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile boolean stopping;

    public UsageLogWriter(
            DataSource dataSource, int batchSize, int queueCapacity, Clock clock, MeterRegistry registry) {
        this(dataSource, TransferQuota.NONE, batchSize, queueCapacity, clock, registry);
    }

    /** A writer that charges transfers to {@code quota} in the transactions of their start and completion. */
    public UsageLogWriter(
            DataSource dataSource,
            TransferQuota quota,
            int batchSize,
            int queueCapacity,
            Clock clock,
            MeterRegistry registry) {
        if (batchSize < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("batch size and queue capacity must be positive");
        }
        this.dataSource = dataSource;
        this.quota = quota;
        this.batchSize = batchSize;
        this.clock = clock;
        this.registry = registry;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writeTimer = Timer.builder("labgate.usage.log.write")
                .description("Time to write one batch of usage events, lock to commit")
                .register(registry);
        this.batchSizes = DistributionSummary.builder("labgate.usage.log.batch.size")
                .description("Usage events written per batch")
                .register(registry);
        this.failures = Counter.builder("labgate.usage.log.failures")
                .description("Usage events that could not be written (their callers failed)")
                .register(registry);
        Gauge.builder("labgate.usage.log.queued", queue, BlockingQueue::size)
                .description("Usage events waiting for the writer")
                .register(registry);
        this.thread = new Thread(this::run, "labgate-usage-writer");
        this.thread.setDaemon(true);
    }

    public UsageLogWriter start() {
        thread.start();
        return this;
    }

    /**
     * Queues a draft (waiting for room when the queue is full) and returns a future completed once the event is
     * committed, or exceptionally with a {@link UsageLogException}.
     */
    public CompletableFuture<LoggedEvent> recordAsync(UsageEventDraft draft) {
        return recordAsync(UUID.randomUUID(), draft, null);
    }

    /** As {@link #recordAsync(UsageEventDraft)}, for an event of the given id that opens or closes a transfer. */
    CompletableFuture<LoggedEvent> recordAsync(UUID id, UsageEventDraft draft, TransferStep step) {
        // the time and request id are the caller's: the writer thread has neither
        return enqueue(new Pending(
                id,
                draft.completedWith(clock.instant(), RequestIds.current(), RequestIds.currentClient()),
                step,
                new CompletableFuture<>()));
    }

    /** Queues for the writer thread, waiting for room when the queue is full (backpressure). */
    private CompletableFuture<LoggedEvent> enqueue(Pending pending) {
        accepting.readLock().lock();
        try {
            if (!open) {
                throw new UsageLogException("the usage log is stopping; the event was not recorded", null);
            }
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageLogException("interrupted while waiting for room in the usage log queue", e);
        } finally {
            accepting.readLock().unlock();
        }
        return pending.done();
    }

    /**
     * Asks the writer to move every committed outbox row (events written with business changes) into the chain;
     * the future completes once it has, or exceptionally when it could not.
     */
    public CompletableFuture<LoggedEvent> drainOutboxSoon() {
        return enqueue(new Pending(null, null, new DrainsOutbox(), new CompletableFuture<>()));
    }

    /** Queues a draft and waits until the event is committed, at most 30 seconds. */
    public LoggedEvent record(UsageEventDraft draft) {
        return record(draft, Duration.ofSeconds(30));
    }

    /** Queues a draft and waits until the event is committed, at most {@code timeout}. */
    public LoggedEvent record(UsageEventDraft draft, Duration timeout) {
        return await(recordAsync(draft), timeout);
    }

    /**
     * Waits for a queued event, at most {@code timeout}: a caller (holding a worker thread, maybe a download slot)
     * is never stuck behind a database that hangs. After the timeout the event may still be written.
     */
    static LoggedEvent await(CompletableFuture<LoggedEvent> future, Duration timeout) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UsageLogException failure) {
                throw failure;
            }
            if (e.getCause() instanceof QuotaNotReserved overQuota) {
                throw overQuota;
            }
            throw new UsageLogException("the usage event could not be recorded", e.getCause());
        } catch (TimeoutException e) {
            throw new UsageLogException("the usage log did not commit the event within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageLogException("interrupted while waiting for the usage log", e);
        }
    }

    /**
     * Stops accepting events, writes everything already queued, and stops the writer thread. Waits at most
     * {@code timeout}; events still queued then fail their callers. Idempotent.
     */
    public void stop(Duration timeout) {
        accepting.writeLock().lock();
        try {
            open = false;
        } finally {
            accepting.writeLock().unlock();
        }
        stopping = true;
        try {
            if (thread.isAlive()) {
                thread.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            // never started, or finished: write the rest here
            drainAll();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            LOG.errorf(
                    "usage log stopped with %d events unwritten after %s; their callers failed", left.size(), timeout);
            fail(left, new UsageLogException("the usage log stopped before the event was written", null));
        }
    }

    /** Events waiting to be written. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        long lastOutboxCheck = System.nanoTime();
        while (true) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (stopping) {
                    return;
                }
                if (System.nanoTime() - lastOutboxCheck > OUTBOX_CHECK_NANOS) {
                    // rows whose writers did not ask (another replica died after its commit, a waiter gave up)
                    drainOutboxQuietly();
                    lastOutboxCheck = System.nanoTime();
                }
                continue;
            }
            List<Pending> batch = new ArrayList<>(Math.min(batchSize, queue.size() + 1));
            batch.add(first);
            queue.drainTo(batch, batchSize - 1);
            writeAndComplete(batch);
        }
    }

    /** How often an idle writer looks for outbox rows nobody asked it to chain. */
    private static final long OUTBOX_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private void drainAll() {
        List<Pending> batch = new ArrayList<>();
        while (queue.drainTo(batch, batchSize) > 0) {
            writeAndComplete(batch);
            batch = new ArrayList<>();
        }
    }

    /** Writes the events of the batch, then, if it holds nudges, the outbox, and answers the nudges. */
    private void writeAndComplete(List<Pending> batch) {
        List<Pending> nudges =
                batch.stream().filter(p -> p.step() instanceof DrainsOutbox).toList();
        if (nudges.isEmpty()) {
            writeEvents(batch);
            return;
        }
        List<Pending> events =
                batch.stream().filter(p -> !(p.step() instanceof DrainsOutbox)).toList();
        if (!events.isEmpty()) {
            writeEvents(events);
        }
        try {
            drainOutbox();
            nudges.forEach(n -> n.done().complete(null));
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "could not move the usage outbox into the chain");
            nudges.forEach(n -> n.done().completeExceptionally(e));
        }
    }

    private void drainOutboxQuietly() {
        try {
            drainOutbox();
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "could not move the usage outbox into the chain");
        }
    }

    /**
     * Moves the committed outbox rows into the chain, oldest first, in transactions of at most a batch: chain lock,
     * DELETE ... RETURNING (SKIP LOCKED, so replicas never take the same row), chained insert, commit.
     */
    void drainOutbox() throws SQLException {
        int taken;
        do {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement any = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM usage_outbox)");
                        ResultSet rs = any.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return;
                    }
                }
                taken = inChainTransaction(connection, c -> {
                    List<LoggedEvent> rows = takeOutbox(c);
                    if (!rows.isEmpty()) {
                        batchSizes.record(append(c, rows).size());
                    }
                    return rows.size();
                });
            }
        } while (taken == batchSize);
    }

    /** Takes up to a batch of outbox rows out of the table (in the caller's transaction), oldest first. */
    private List<LoggedEvent> takeOutbox(Connection connection) throws SQLException {
        List<LoggedEvent> rows = new ArrayList<>();
        try (PreparedStatement take = connection.prepareStatement("DELETE FROM usage_outbox WHERE id IN (SELECT id "
                + "FROM usage_outbox ORDER BY occurred_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id, "
                + "occurred_at, organization_id, subject, grant_id, dataset_version_id, action, object_key, bytes, "
                + "client_address, outcome, reason, request_id, client_request_id")) {
            take.setInt(1, batchSize);
            try (ResultSet rs = take.executeQuery()) {
                while (rs.next()) {
                    long bytes = rs.getLong(9);
                    rows.add(new LoggedEvent(
                            rs.getObject(1, UUID.class),
                            0,
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, UUID.class),
                            rs.getString(4),
                            rs.getObject(5, UUID.class),
                            rs.getObject(6, UUID.class),
                            rs.getString(7),
                            rs.getString(8),
                            rs.wasNull() ? null : bytes,
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(13),
                            rs.getString(14),
                            1,
                            null,
                            null));
                }
            }
        }
        // RETURNING has no order: the chain takes them in the order they happened
        rows.sort(java.util.Comparator.comparing(LoggedEvent::occurredAt).thenComparing(LoggedEvent::id));
        return rows;
    }

    private static LoggedEvent withSeq(LoggedEvent e, long seq) {
        return new LoggedEvent(
                e.id(),
                seq,
                e.occurredAt(),
                e.organizationId(),
                e.subject(),
                e.grantId(),
                e.datasetVersionId(),
                e.action(),
                e.objectKey(),
                e.bytes(),
                e.clientAddress(),
                e.outcome(),
                e.reason(),
                e.requestId(),
                e.clientRequestId(),
                e.occurrences(),
                null,
                null);
    }

    /** Writes an event into the outbox on the connection of the caller's transaction. */
    static void insertOutbox(Connection connection, UsageEventDraft d) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO usage_outbox (id, occurred_at, "
                        + "organization_id, subject, grant_id, dataset_version_id, action, object_key, bytes, client_address, "
                        + "outcome, reason, request_id, client_request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(
                    2, OffsetDateTime.ofInstant(d.occurredAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            insert.setObject(3, d.organizationId(), Types.OTHER);
            insert.setString(4, d.subject());
            insert.setObject(5, d.grantId(), Types.OTHER);
            insert.setObject(6, d.datasetVersionId(), Types.OTHER);
            insert.setString(7, d.action().name());
            insert.setString(8, d.objectKey());
            insert.setObject(9, d.bytes(), Types.BIGINT);
            insert.setString(10, d.clientAddress());
            insert.setString(11, d.outcome().name());
            insert.setString(12, d.reason());
            insert.setString(13, d.requestId());
            insert.setString(14, d.clientRequestId());
            insert.executeUpdate();
        }
    }

    private void writeEvents(List<Pending> batch) {
        try {
            Written outcome = write(batch);
            List<LoggedEvent> written = outcome.events();
            for (int i = 0; i < batch.size(); i++) {
                Pending pending = batch.get(i);
                if (outcome.overQuota().contains(pending.id())) {
                    pending.done()
                            .completeExceptionally(new QuotaNotReserved(
                                    pending.draft().grantId(), ((Opens) pending.step()).reservedBytes()));
                } else {
                    pending.done().complete(written.get(i));
                }
            }
            for (LoggedEvent event : written) {
                if (event == NOT_WRITTEN) {
                    continue;
                }
                Counter.builder("labgate.usage.events")
                        .tag("action", event.action())
                        .tag("outcome", event.outcome())
                        .description("Usage events committed to the log")
                        .register(registry)
                        .increment();
            }
        } catch (SQLException | RuntimeException e) {
            if (batch.size() > 1 && isDataError(e)) {
                // one bad event must not sink the others: write them one by one
                LOG.warnf(
                        "a batch of %d usage events was refused (%s); writing them one by one",
                        batch.size(), e.getMessage());
                for (Pending pending : batch) {
                    writeEvents(List.of(pending));
                }
                return;
            }
            LOG.errorf(e, "could not write %d usage events", batch.size());
            fail(batch, new UsageLogException("the usage log could not commit the event", e));
        } catch (Error e) {
            fail(batch, new UsageLogException("the usage log writer failed", e));
            throw e;
        }
    }

    private void fail(List<Pending> batch, UsageLogException failure) {
        failures.increment(batch.size());
        batch.forEach(p -> p.done().completeExceptionally(failure));
    }

    private static boolean isDataError(Exception e) {
        // SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation) blame the data
        return e instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"));
    }

    /**
     * What a batch wrote: an event per pending one (NOT_WRITTEN for a settlement found closed and for a start over
     * its quota), and the starts that were over their quota.
     */
    private record Written(List<LoggedEvent> events, Set<UUID> overQuota) {}

    /**
     * One transaction: lock the chain, reserve the starting transfers' bytes and give back what completed ones did
     * not send, read the chain's last link, insert the batch chained after it, commit.
     */
    private Written write(List<Pending> batch) throws SQLException {
        Timer.Sample sample = Timer.start(registry);
        try (Connection connection = dataSource.getConnection()) {
            return inChainTransaction(connection, c -> {
                Set<UUID> closed = closeTransfers(c, batch, quota);
                Set<UUID> overQuota = reserve(c, batch, quota);
                List<LoggedEvent> unchained = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    if (!skipped(pending, closed, overQuota)) {
                        unchained.add(toEvent(pending));
                    }
                }
                Iterator<LoggedEvent> chained = append(c, unchained).iterator();
                openTransfers(c, batch, overQuota);
                batchSizes.record(unchained.size());
                List<LoggedEvent> written = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    written.add(skipped(pending, closed, overQuota) ? NOT_WRITTEN : chained.next());
                }
                return new Written(written, overQuota);
            });
        } finally {
            sample.stop(writeTimer);
        }
    }

    private static boolean skipped(Pending pending, Set<UUID> closed, Set<UUID> overQuota) {
        return settledElsewhere(pending, closed) || overQuota.contains(pending.id());
    }

    /** Reserves the bytes of the transfers the batch starts; answers the starts whose bytes did not fit. */
    private static Set<UUID> reserve(Connection connection, List<Pending> batch, TransferQuota quota)
            throws SQLException {
        Set<UUID> overQuota = new HashSet<>();
        for (Pending pending : batch) {
            if (pending.step() instanceof Opens open
                    && open.reservedBytes() > 0
                    && pending.draft().grantId() != null
                    && !quota.reserve(connection, pending.draft().grantId(), open.reservedBytes())) {
                overQuota.add(pending.id());
            }
        }
        return overQuota;
    }

    /** A settlement whose transfer was closed already (by its own completion or another replica): not written. */
    private static boolean settledElsewhere(Pending pending, Set<UUID> closed) {
        return pending.step() instanceof Closes close && close.onlyIfOpen() && !closed.contains(close.startId());
    }

    /** Work in one chain transaction. */
    @FunctionalInterface
    private interface ChainWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * One transaction on {@code connection}: the chain locked first, committed at the end, rolled back on any
     * failure. Every append to the chain goes through here.
     */
    private static <T> T inChainTransaction(Connection connection, ChainWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            lockChain(connection);
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Numbers the events after the chain's last link, hashes them into the chain and inserts them. */
    private static List<LoggedEvent> append(Connection connection, List<LoggedEvent> unchained) throws SQLException {
        Link last = lastLink(connection);
        long seq = last.seq();
        String hash = last.hash();
        List<LoggedEvent> chained = new ArrayList<>(unchained.size());
        for (LoggedEvent event : unchained) {
            LoggedEvent linked = withSeq(event, ++seq).chainedAfter(hash);
            hash = linked.hash();
            chained.add(linked);
        }
        insert(connection, chained);
        return chained;
    }

    /**
     * Deletes the open transfers the batch completes and gives back to their grants the reserved bytes their
     * completion did not send (none for a settlement, which counts the whole reservation); returns the start ids
     * of those that were open.
     */
    private static Set<UUID> closeTransfers(Connection connection, List<Pending> batch, TransferQuota quota)
            throws SQLException {
        Map<UUID, Long> sentBy = new HashMap<>();
        for (Pending pending : batch) {
            if (pending.step() instanceof Closes close) {
                Long bytes = pending.draft().bytes();
                sentBy.merge(close.startId(), bytes == null ? 0L : bytes, Math::max);
            }
        }
        Set<UUID> closed = new HashSet<>();
        if (sentBy.isEmpty()) {
            return closed;
        }
        Map<UUID, Long> unsentByGrant = new HashMap<>();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM usage_open_transfer "
                + "WHERE start_event_id = ANY (?) RETURNING start_event_id, grant_id, reserved_bytes")) {
            delete.setArray(1, connection.createArrayOf("uuid", sentBy.keySet().toArray()));
            try (ResultSet rs = delete.executeQuery()) {
                while (rs.next()) {
                    UUID startId = rs.getObject(1, UUID.class);
                    closed.add(startId);
                    UUID grantId = rs.getObject(2, UUID.class);
                    long unsent = rs.getLong(3) - sentBy.get(startId);
                    if (grantId != null && unsent > 0) {
                        unsentByGrant.merge(grantId, unsent, Long::sum);
                    }
                }
            }
        }
        for (Map.Entry<UUID, Long> unsent : unsentByGrant.entrySet()) {
            quota.giveBack(connection, unsent.getKey(), unsent.getValue());
        }
        return closed;
    }

    /** Registers the transfers the batch starts, with what their completion (or settlement) will need. */
    private static void openTransfers(Connection connection, List<Pending> batch, Set<UUID> overQuota)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_open_transfer "
                + "(start_event_id, replica_lock, started_at, completion_action, organization_id, subject, grant_id, "
                + "dataset_version_id, object_key, reserved_bytes, client_address, request_id, client_request_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (Pending pending : batch) {
                if (!(pending.step() instanceof Opens open) || overQuota.contains(pending.id())) {
                    continue;
                }
                UsageEventDraft d = pending.draft();
                insert.setObject(1, pending.id());
                insert.setLong(2, open.replicaLock());
                insert.setObject(3, OffsetDateTime.ofInstant(d.occurredAt(), ZoneOffset.UTC));
                insert.setString(4, open.completionAction());
                insert.setObject(5, d.organizationId(), Types.OTHER);
                insert.setString(6, d.subject());
                insert.setObject(7, d.grantId(), Types.OTHER);
                insert.setObject(8, d.datasetVersionId(), Types.OTHER);
                insert.setString(9, d.objectKey());
                insert.setLong(10, open.reservedBytes());
                insert.setString(11, d.clientAddress());
                insert.setString(12, d.requestId());
                insert.setString(13, d.clientRequestId());
                insert.addBatch();
                rows++;
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
    }

    /** The newest event of the chain: its seq and hash (0 and the genesis hash for an empty log). */
    private record Link(long seq, String hash) {}

    /** The chain's last link; read under the chain lock. */
    private static Link lastLink(Connection connection) throws SQLException {
        try (PreparedStatement last =
                        connection.prepareStatement("SELECT seq, hash FROM usage_event ORDER BY seq DESC LIMIT 1");
                ResultSet rs = last.executeQuery()) {
            return rs.next() ? new Link(rs.getLong(1), rs.getString(2)) : new Link(0, EventDigest.GENESIS);
        }
    }

    private static void lockChain(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK_KEY);
            lock.execute();
        }
    }

    /** The event of a pending draft, not yet numbered nor chained ({@link #append} does both). */
    private LoggedEvent toEvent(Pending pending) {
        UsageEventDraft d = pending.draft();
        Instant occurredAt = d.occurredAt().truncatedTo(ChronoUnit.MICROS);
        return new LoggedEvent(
                pending.id(),
                0,
                occurredAt,
                d.organizationId(),
                d.subject(),
                d.grantId(),
                d.datasetVersionId(),
                d.action().name(),
                d.objectKey(),
                d.bytes(),
                d.clientAddress(),
                d.outcome().name(),
                d.reason(),
                d.requestId(),
                d.clientRequestId(),
                d.occurrences(),
                null,
                null);
    }

    private static void insert(Connection connection, List<LoggedEvent> events) throws SQLException {
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<LoggedEvent> rows = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("INSERT INTO usage_event (")
                    .append(COLUMNS)
                    .append(") VALUES ");
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(ROW);
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (LoggedEvent e : rows) {
                    insert.setObject(p++, e.id());
                    insert.setLong(p++, e.seq());
                    insert.setObject(p++, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
                    insert.setObject(p++, e.organizationId(), Types.OTHER);
                    insert.setString(p++, e.subject());
                    insert.setObject(p++, e.grantId(), Types.OTHER);
                    insert.setObject(p++, e.datasetVersionId(), Types.OTHER);
                    insert.setString(p++, e.action());
                    insert.setString(p++, e.objectKey());
                    insert.setObject(p++, e.bytes(), Types.BIGINT);
                    insert.setString(p++, e.clientAddress());
                    insert.setString(p++, e.outcome());
                    insert.setString(p++, e.reason());
                    insert.setString(p++, e.requestId());
                    insert.setString(p++, e.clientRequestId());
                    insert.setInt(p++, e.occurrences());
                    insert.setString(p++, e.prevHash());
                    insert.setString(p++, e.hash());
                }
                insert.executeUpdate();
            }
        }
    }
}
