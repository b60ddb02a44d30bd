package io.labgate.inventory.bucket;

import io.labgate.inventory.InventoryConfig;
import io.labgate.inventory.api.BucketPurpose;
import io.labgate.inventory.web.BucketRequest;
import io.labgate.inventory.web.BucketResponse;
import io.labgate.inventory.web.BucketUpdateRequest;
import io.labgate.inventory.web.BucketUsageSampleResponse;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.DatabaseConstraints;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.Filter;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.storage.BucketUsage;
import io.labgate.platform.storage.ObjectStore;
import io.labgate.platform.storage.StorageException;
import io.labgate.platform.time.LabTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registers the lab's buckets and keeps their usage in step with the real object store.
 *
 * <p>Calls to the store never run inside a database transaction: counting a large bucket can take minutes,
 * and no connection or row should be held meanwhile. Methods that talk to the store are therefore
 * {@code NOT_SUPPORTED} and open short transactions of their own once the store has answered.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class StorageBucketService {

    private static final Logger LOG = Logger.getLogger(StorageBucketService.class);

    private static final Map<String, String> SORTABLE =
            Map.of("name", "name", "purpose", "purpose", "usedBytes", "usedBytes", "createdAt", "createdAt");

    @Inject
    StorageBucketRepository buckets;

    @Inject
    BucketUsageSampleRepository samples;

    @Inject
    ObjectStore store;

    @Inject
    BucketMetrics metrics;

    @Inject
    InventoryConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<BucketResponse> list(BucketPurpose purpose, BucketDrift drift, PageQuery page) {
        Filter filter = new Filter().equal("purpose", purpose).equal("drift", drift);
        return PageResponse.of(
                buckets.find(filter.query(), page.toSort(SORTABLE, "name"), filter.parameters()),
                page,
                BucketResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BucketResponse get(UUID id) {
        return BucketResponse.from(find(id));
    }

    /**
     * Registers a bucket (creating it in the store first in {@link RegistrationMode#CREATE}) together with its
     * first reconciliation, in one transaction: a store failure registers nothing.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public BucketResponse create(BucketRequest request) {
        String name = request.name();
        QuarkusTransaction.requiringNew().run(() -> ensureUnregistered(name));
        if (request.mode() == RegistrationMode.REGISTER && !store.bucketExists(name)) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "bucket " + name + " does not exist in the object "
                            + "store; create it there first, or register it with mode CREATE",
                    List.of(new Problem.Violation("name", "no such bucket in the object store")));
        }
        if (request.mode() == RegistrationMode.CREATE) {
            store.createBucket(name);
        }
        BucketUsage usage = store.usage(name);
        Instant countedAt = now();
        return QuarkusTransaction.requiringNew().call(() -> register(request, usage, countedAt));
    }

    public BucketResponse update(UUID id, long expectedVersion, BucketUpdateRequest request) {
        StorageBucket bucket = find(id);
        ETags.requireVersion(bucket.version, expectedVersion);
        if (request.name() != null && !request.name().equals(bucket.name)) {
            throw ApiException.invalid("name", "is immutable; register a new bucket to use another name");
        }
        bucket.purpose = request.purpose();
        bucket.quotaBytes = request.quotaBytes();
        bucket.versioning = request.versioning();
        bucket.encryption = request.encryption();
        bucket.description = trimToNull(request.description());
        if (bucket.drift == BucketDrift.NONE || bucket.drift == BucketDrift.OVER_QUOTA) {
            // the quota may have moved past the last counted usage, either way
            bucket.drift = BucketDrift.of(true, bucket.usedBytes, bucket.quotaBytes);
        }
        bucket.updatedAt = now();
        buckets.flush();
        return BucketResponse.from(bucket);
    }

    /** Counts the bucket in the store now, records the result and appends a usage sample. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public BucketResponse reconcile(UUID id) {
        String name = QuarkusTransaction.requiringNew().call(() -> find(id).name);
        BucketUsage usage;
        try {
            usage = store.usage(name);
        } catch (StorageException e) {
            metrics.failed();
            throw e;
        }
        Instant countedAt = now();
        BucketResponse bucket = QuarkusTransaction.requiringNew().call(() -> record(id, usage, countedAt));
        metrics.reconciled();
        return bucket;
    }

    /**
     * Reconciles every bucket, unless another replica is doing so right now. The tick holds a PostgreSQL
     * transaction-level advisory lock for its whole run (the lock transaction does nothing else); each bucket
     * is recorded in a transaction of its own, so one failing bucket neither stops nor undoes the others.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ReconcileSummary reconcileAll() {
        int timeoutSeconds = (int) Math.max(1, config.reconcileTimeout().toSeconds());
        // stop starting new buckets a little before the lock transaction would time out
        Instant deadline = clock.instant().plusMillis(config.reconcileTimeout().toMillis() * 9 / 10);
        ReconcileSummary summary = QuarkusTransaction.requiringNew()
                .timeout(timeoutSeconds)
                .call(() -> {
                    if (!buckets.tryReconcileLock()) {
                        return ReconcileSummary.skipped();
                    }
                    List<StorageBucket> all = buckets.listAllByName();
                    List<String> failed = new ArrayList<>();
                    int reconciled = 0;
                    for (int i = 0; i < all.size(); i++) {
                        if (clock.instant().isAfter(deadline)) {
                            LOG.warnf(
                                    "bucket reconciliation ran out of time; %d buckets wait for the next tick",
                                    all.size() - i);
                            return new ReconcileSummary(true, reconciled, failed, all.size() - i);
                        }
                        StorageBucket bucket = all.get(i);
                        try {
                            BucketUsage usage = store.usage(bucket.name);
                            Instant countedAt = now();
                            QuarkusTransaction.requiringNew().run(() -> record(bucket.id, usage, countedAt));
                            metrics.reconciled();
                            reconciled++;
                        } catch (RuntimeException e) {
                            // the store's own message is already logged by ObjectStore; keep going with the others
                            LOG.warnf("could not reconcile bucket %s (%s): %s", bucket.name, bucket.id, e.getMessage());
                            metrics.failed();
                            failed.add(bucket.name);
                        }
                    }
                    return new ReconcileSummary(true, reconciled, failed, 0);
                });
        publishMetrics();
        return summary;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<BucketUsageSampleResponse> usageSamples(UUID id, Instant from, Instant to, PageQuery page) {
        find(id);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.invalid("to", "must be after from");
        }
        if (page.sort != null && !page.sort.isBlank()) {
            throw ApiException.invalid("sort", "usage samples are always listed newest first");
        }
        return PageResponse.of(samples.newestFirst(id, from, to), page, BucketUsageSampleResponse::from);
    }

    private void ensureUnregistered(String name) {
        buckets.findByName(name).ifPresent(b -> {
            throw ApiException.conflict("bucket " + name + " is already registered as " + b.id);
        });
    }

    private BucketResponse register(BucketRequest request, BucketUsage usage, Instant countedAt) {
        ensureUnregistered(request.name());
        StorageBucket bucket = new StorageBucket();
        bucket.id = UUID.randomUUID();
        bucket.name = request.name();
        bucket.purpose = request.purpose();
        bucket.quotaBytes = request.quotaBytes();
        bucket.versioning = request.versioning();
        bucket.encryption = request.encryption();
        bucket.description = trimToNull(request.description());
        bucket.createdAt = now();
        bucket.updatedAt = bucket.createdAt;
        apply(bucket, usage, countedAt);
        try {
            buckets.persistAndFlush(bucket);
        } catch (PersistenceException e) {
            if (DatabaseConstraints.violated(e, "storage_bucket_name_key")) {
                throw ApiException.conflict("bucket " + request.name() + " is already registered");
            }
            throw e;
        }
        samples.persist(sample(bucket, usage, countedAt));
        return BucketResponse.from(bucket);
    }

    private BucketResponse record(UUID id, BucketUsage usage, Instant countedAt) {
        // locked so that a concurrent operator update waits and then fails on the version, never overwritten
        StorageBucket bucket = buckets.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("bucket", id));
        apply(bucket, usage, countedAt);
        samples.persist(sample(bucket, usage, countedAt));
        buckets.flush();
        return BucketResponse.from(bucket);
    }

    private static void apply(StorageBucket bucket, BucketUsage usage, Instant countedAt) {
        bucket.objectCount = usage.exists() ? usage.objectCount() : 0;
        bucket.usedBytes = usage.exists() ? usage.totalBytes() : 0;
        bucket.drift = BucketDrift.of(usage.exists(), bucket.usedBytes, bucket.quotaBytes);
        bucket.lastReconciledAt = countedAt;
    }

    private static BucketUsageSample sample(StorageBucket bucket, BucketUsage usage, Instant countedAt) {
        BucketUsageSample sample = new BucketUsageSample();
        sample.id = UUID.randomUUID();
        sample.bucketId = bucket.id;
        sample.sampledAt = countedAt;
        sample.present = usage.exists();
        sample.objectCount = bucket.objectCount;
        sample.usedBytes = bucket.usedBytes;
        sample.quotaBytes = bucket.quotaBytes;
        return sample;
    }

    private void publishMetrics() {
        try {
            metrics.publish(QuarkusTransaction.requiringNew()
                    .call(() -> buckets.listAllByName().stream()
                            .map(BucketResponse::from)
                            .toList()));
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh bucket metrics: %s", e.getMessage());
        }
    }

    private StorageBucket find(UUID id) {
        return buckets.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("bucket", id));
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
