package io.labgate.usage.api;

import java.util.concurrent.CompletableFuture;

/**
 * The append-only, hash-chained usage log, as other features use it: {@link #record} returns once the event is
 * committed, so a caller that records an access before answering it never answers an access that is not logged.
 */
public interface UsageLog {

    /**
     * Records an event and waits until it is committed.
     *
     * @throws UsageLogException (503) when it could not be committed: do not answer the access it describes
     */
    LoggedEvent record(UsageEventDraft draft);

    /** Queues an event; the future completes once it is committed, or exceptionally with a {@link UsageLogException}. */
    CompletableFuture<LoggedEvent> recordAsync(UsageEventDraft draft);
}
