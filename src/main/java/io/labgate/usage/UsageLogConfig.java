package io.labgate.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** Usage log settings: how events are batched, how much may wait, and when partitions are prepared. */
@ConfigMapping(prefix = "labgate.usage")
public interface UsageLogConfig {

    /**
     * The most events the writer puts in one transaction (one advisory lock, one multi-row insert per 1000
     * events). Events arriving while a batch is written wait for the next one, so under load batches grow by
     * themselves; a lone event is written at once.
     */
    @WithDefault("500")
    @Min(1)
    @Max(5000)
    int batchSize();

    /**
     * How many events may wait for the writer. When the queue is full, {@code record} waits for room
     * (backpressure): an event is never dropped.
     */
    @WithDefault("10000")
    @Min(1)
    int queueCapacity();

    /**
     * How long a clean stop waits for the writer to write what is queued. Events still queued after it (the
     * database is unreachable) fail their callers, and the count is logged as an error.
     */
    @WithDefault("30s")
    Duration shutdownTimeout();

    /**
     * How long a caller waits for its event to be committed before it answers 503. A request never waits longer
     * for a database that hangs; the event may still be written after it.
     */
    @WithDefault("10s")
    Duration recordTimeout();

    /**
     * How often the open transfers of replicas that died (and this replica's own forgotten ones) are settled as
     * INTERRUPTED, as a Quarkus scheduler period; also done once at start. {@code off} disables the job.
     */
    @WithDefault("30s")
    String settleEvery();

    /**
     * How often the partitions of the current and coming months are created ahead of time, as a Quarkus
     * scheduler period ({@code 6h}); {@code off} disables the job. The scheduler reads this key itself; it is
     * listed here so that the whole {@code labgate.usage} namespace is documented in one place.
     */
    @WithDefault("6h")
    String partitionEvery();

    /**
     * The window over which identical flood events (refusals of unverified requests, rate-limit refusals) are
     * counted into one event ({@code UsageLog.tally}); windows start at multiples of it since the epoch.
     */
    @WithDefault("1m")
    Duration tallyWindow();

    /**
     * How often the tallies of the windows that ended are written, as a Quarkus scheduler period. The scheduler
     * reads this key itself; listed here to document it.
     */
    @WithDefault("10s")
    String tallyFlushEvery();

    /** How many months after the current one get their partition ahead of time. */
    @WithDefault("1")
    @Min(0)
    @Max(24)
    int partitionMonthsAhead();

    /**
     * How often the chain's head is signed ({@code io.labgate.usage.checkpoint}), as a Quarkus scheduler period;
     * {@code off} disables the job. The scheduler reads this key itself; listed here to document it.
     */
    @WithDefault("10m")
    String checkpointEvery();

    /** The key that signs checkpoints, and where they are kept besides the database. */
    CheckpointSettings checkpoint();

    /** {@code labgate.usage.checkpoint.*}: without a key pair, no checkpoints are signed. */
    interface CheckpointSettings {

        /** The Ed25519 private key, base64 PKCS#8 ({@code openssl genpkey -algorithm ed25519 -outform DER}). */
        Optional<String> privateKey();

        /** Its public key, base64 X.509 ({@code openssl pkey -pubout -outform DER}): what verifiers are given. */
        Optional<String> publicKey();

        /** A bucket of the store that keeps each checkpoint as an object too; empty: the database only. */
        Optional<String> bucket();
    }
}
