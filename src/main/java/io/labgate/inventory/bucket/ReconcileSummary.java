package io.labgate.inventory.bucket;

import java.util.List;

/**
 * What one reconciliation tick did.
 *
 * @param ran false when another replica held the lock and this one skipped the tick
 * @param reconciled how many buckets were reconciled
 * @param failed names of the buckets that could not be reconciled (store errors); they wait for the next tick
 * @param deferred how many buckets were not reached before the tick's time ran out
 */
public record ReconcileSummary(boolean ran, int reconciled, List<String> failed, int deferred) {

    static ReconcileSummary skipped() {
        return new ReconcileSummary(false, 0, List.of(), 0);
    }
}
