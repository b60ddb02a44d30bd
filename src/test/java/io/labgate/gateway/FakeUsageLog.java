package io.labgate.gateway;

import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.OpenTransfer;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A fake usage log that keeps the drafts recorded; the handlers' unit tests need nothing else of it. */
final class FakeUsageLog implements UsageLog {

    final List<UsageEventDraft> recorded = new ArrayList<>();

    @Override
    public LoggedEvent record(UsageEventDraft draft) {
        recorded.add(draft);
        return null;
    }

    @Override
    public void recordWithChange(UsageEventDraft draft) {
        recorded.add(draft);
    }

    @Override
    public void tally(UsageEventDraft draft) {
        recorded.add(draft);
    }

    @Override
    public CompletableFuture<LoggedEvent> recordAsync(UsageEventDraft draft) {
        recorded.add(draft);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public OpenTransfer begin(UsageEventDraft started, UsageAction completionAction) {
        throw new UnsupportedOperationException("no transfer in a handler's unit test");
    }

    @Override
    public LoggedEvent complete(OpenTransfer transfer, UsageEventDraft completion) {
        throw new UnsupportedOperationException("no transfer in a handler's unit test");
    }

    /** The reasons of the events recorded, in order ("s3 HeadObject", ...). */
    List<String> reasons() {
        return recorded.stream().map(UsageEventDraft::reason).toList();
    }
}
