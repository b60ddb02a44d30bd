package io.labgate.usage;

import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
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
 * The {@link UsageLog}: concurrent events are written together in batches by one writer thread; see
 * {@link UsageLogWriter}. When LabGate stops cleanly, everything queued is written first.
 */
@Startup
@ApplicationScoped
public class BatchedUsageLog implements UsageLog {

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

    @Override
    public LoggedEvent record(UsageEventDraft draft) {
        return writer.record(draft);
    }

    @Override
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
