package io.labgate.usage;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * The usage log, as other features use it: {@link #record} returns once the event is committed, so a caller that
 * records an access before answering it never answers an access that is not logged. Concurrent events are written
 * together in batches by one writer thread; see {@link UsageLogWriter}. When LabGate stops cleanly, everything
 * queued is written first.
 */
@Startup
@ApplicationScoped
public class UsageLog {

    @Inject
    DataSource dataSource;

    @Inject
    UsageLogConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private UsageLogWriter writer;

    @PostConstruct
    void start() {
        writer = new UsageLogWriter(dataSource, config.batchSize(), config.queueCapacity(), clock, registry).start();
    }

    /**
     * Records an event and waits until it is committed.
     *
     * @throws UsageLogException (503) when it could not be committed: do not answer the access it describes
     */
    public LoggedEvent record(UsageEventDraft draft) {
        return writer.record(draft);
    }

    /** Queues an event; the future completes once it is committed, or exceptionally with a {@link UsageLogException}. */
    public CompletableFuture<LoggedEvent> recordAsync(UsageEventDraft draft) {
        return writer.recordAsync(draft);
    }

    void onStop(@Observes ShutdownEvent event) {
        writer.stop(config.shutdownTimeout());
    }

    @PreDestroy
    void destroy() {
        writer.stop(config.shutdownTimeout());
    }
}
