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

    /**
     * Records an event together with the business change of the caller's transaction: it commits with that change
     * or not at all (a transactional outbox), and is moved into the hash chain by the writer of any replica; once
     * the transaction has committed, the committing thread waits (at most the record timeout) until it is there.
     * Without a transaction it is {@link #record recorded} at once.
     *
     * @throws UsageLogException (503) when it cannot be written; the caller's transaction then rolls back
     */
    void recordWithChange(UsageEventDraft draft);

    /**
     * Counts an event that can come in floods (refusals of requests that did not verify, refusals by the rate
     * limiter) instead of writing it: identical drafts of one minute, request id aside, become one event whose
     * {@code occurrences} is their number, written within about a minute of that minute's end and when LabGate stops.
     * Returns at once; never throws for the log's sake. A replica killed with SIGKILL loses at most its last
     * minute of tallies (refusals only: no byte left for them).
     */
    void tally(UsageEventDraft draft);

    /** Queues an event; the future completes once it is committed, or exceptionally with a {@link UsageLogException}. */
    CompletableFuture<LoggedEvent> recordAsync(UsageEventDraft draft);

    /**
     * Write-ahead record of a transfer: commits its TRANSFER_STARTED event ({@code started}, whose bytes are the
     * reservation, taken from its grant's quota in the same transaction) and registers it as open, before the first
     * byte may leave. Until {@link #complete} is called, the transfer is settled as {@code completionAction} FAILED /
     * INTERRUPTED with the reserved bytes if this replica dies, or if it forgets it (a completion that could not be
     * written).
     *
     * @param completionAction the action of the completion event (OBJECT_STREAMED, S3_REQUEST)
     * @throws QuotaNotReserved when the bytes do not fit the grant's quota: nothing was written, send nothing
     * @throws UsageLogException (503) when the start could not be committed: send nothing
     */
    OpenTransfer begin(UsageEventDraft started, UsageAction completionAction);

    /**
     * Records how an open transfer ended ({@code completion}: outcome and the exact bytes written) and closes it,
     * giving back to its grant the reserved bytes it did not send, in one transaction.
     *
     * @throws UsageLogException (503) when it could not be committed; the transfer stays open and is settled later
     */
    LoggedEvent complete(OpenTransfer transfer, UsageEventDraft completion);
}
