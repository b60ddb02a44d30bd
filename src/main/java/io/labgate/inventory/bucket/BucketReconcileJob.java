package io.labgate.inventory.bucket;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Reconciles every registered bucket against the object store on a schedule
 * ({@code labgate.inventory.reconcile-every}). Safe with several replicas: a tick runs only on the replica that
 * gets the database lock; the others skip it (see {@link StorageBucketService#reconcileAll()}).
 */
@ApplicationScoped
public class BucketReconcileJob {

    private static final Logger LOG = Logger.getLogger(BucketReconcileJob.class);

    @Inject
    StorageBucketService buckets;

    @Scheduled(
            identity = "bucket-reconcile",
            every = "${labgate.inventory.reconcile-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        run();
    }

    /** One tick: reconcile all buckets unless another replica holds the lock. */
    public ReconcileSummary run() {
        ReconcileSummary summary = buckets.reconcileAll();
        if (!summary.ran()) {
            LOG.debug("bucket reconciliation skipped: another replica is reconciling");
        } else if (!summary.failed().isEmpty() || summary.deferred() > 0) {
            LOG.warnf(
                    "reconciled %d buckets; failed: %s; deferred to the next tick: %d",
                    summary.reconciled(), summary.failed(), summary.deferred());
        } else {
            LOG.debugf("reconciled %d buckets", summary.reconciled());
        }
        return summary;
    }
}
