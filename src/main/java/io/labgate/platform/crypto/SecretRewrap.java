package io.labgate.platform.crypto;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Key rotation of the stored secrets: which key-encryption key versions seal them ({@link #status}), and the
 * rewrap that re-encrypts every secret not yet under the active version ({@link #rewrap}), so that an old version
 * can be removed from the configuration.
 *
 * <p>A rewrap works in batches, each in a transaction of its own: it locks the next rows not on the active version
 * with {@code FOR UPDATE SKIP LOCKED} (in id order, after the last row it saw), opens each with its version,
 * seals it again under the active version with a fresh IV and the same additional authenticated data, and
 * commits. Rows another transaction holds (a concurrent rewrap on another replica, a revocation) are skipped, not
 * waited for, and left for the next run; a secret is never re-encrypted twice at once. Running it again changes
 * nothing once every row is on the active version. Secrets exist in clear only in memory, for one row at a time.
 *
 * <p>Transactions are programmatic (one per batch), so that a long run never holds many locks or one long
 * transaction. The ring is a parameter: the endpoint passes the configured one.
 */
@ApplicationScoped
public class SecretRewrap {

    private static final Logger LOG = Logger.getLogger(SecretRewrap.class);
    private static final UUID BEFORE_FIRST = new UUID(0L, 0L);
    private static final int FAILURES_LISTED = 20;

    /** The stores every feature registers; the status names two of them (the HTTP contract of the first round). */
    @Inject
    Instance<SealedSecretStore> stores;

    @Inject
    EntityManager em;

    @Inject
    KeyRing configured;

    /** The status under the configured ring. */
    @Transactional
    public KeyEncryptionStatus status() {
        return status(configured);
    }

    /** Which versions seal the stored secrets, seen from this ring. */
    @Transactional
    public KeyEncryptionStatus status(KeyRing ring) {
        Map<Integer, Long> accessKeys = countByVersion(store(SealedSecretStore.ACCESS_KEY));
        Map<Integer, Long> webhooks = countByVersion(store(SealedSecretStore.WEBHOOK));
        SortedSet<Integer> versions = new TreeSet<>(ring.versions());
        versions.addAll(accessKeys.keySet());
        versions.addAll(webhooks.keySet());
        List<KeyVersionUsage> usage = new ArrayList<>();
        List<Integer> retirable = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        long notOnActive = 0;
        for (int v : versions) {
            KeyVersionUsage u = new KeyVersionUsage(
                    v,
                    ring.has(v),
                    v == ring.activeVersion(),
                    accessKeys.getOrDefault(v, 0L),
                    webhooks.getOrDefault(v, 0L));
            usage.add(u);
            if (!u.active()) {
                notOnActive += u.secrets();
            }
            if (u.configured() && !u.active() && u.secrets() == 0) {
                retirable.add(v);
            }
            if (!u.configured() && u.secrets() > 0) {
                missing.add(v);
            }
        }
        return new KeyEncryptionStatus(
                ring.activeVersion(),
                ring.has(ring.activeVersion()),
                List.copyOf(ring.versions()),
                usage,
                notOnActive,
                retirable,
                missing);
    }

    /** Rewraps under the configured ring. */
    public RewrapResult rewrap(int batchSize, String by) {
        return rewrap(configured, batchSize, by);
    }

    /**
     * Re-encrypts every stored secret that is not under the ring's active version. Must not run inside a
     * transaction of the caller's: each batch commits on its own.
     */
    @Transactional(Transactional.TxType.NEVER)
    public RewrapResult rewrap(KeyRing ring, int batchSize, String by) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        if (!ring.has(ring.activeVersion())) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "no key-encryption key of the active version " + ring.activeVersion()
                            + " is configured (labgate.gateway.key-encryption-keys)");
        }
        List<RewrapResult.Failure> failures = new ArrayList<>();
        long[] failed = {0};
        long accessKeys = rewrapAll(store(SealedSecretStore.ACCESS_KEY), ring, batchSize, failures, failed);
        long webhooks = rewrapAll(store(SealedSecretStore.WEBHOOK), ring, batchSize, failures, failed);
        KeyEncryptionStatus after = QuarkusTransaction.requiringNew().call(() -> status(ring));
        LOG.infof(
                "rewrap by %s: %d access-key and %d webhook secrets re-encrypted under key-encryption key "
                        + "version %d, %d could not be opened, %d remain on other versions",
                by, accessKeys, webhooks, ring.activeVersion(), failed[0], after.notOnActiveVersion());
        return new RewrapResult(ring.activeVersion(), accessKeys, webhooks, failed[0], List.copyOf(failures), after);
    }

    private long rewrapAll(
            SealedSecretStore kind, KeyRing ring, int batchSize, List<RewrapResult.Failure> failures, long[] failed) {
        long rewrapped = 0;
        UUID after = BEFORE_FIRST;
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(kind, ring, from, batchSize));
            rewrapped += batch.rewrapped();
            for (RewrapResult.Failure f : batch.failures()) {
                failed[0]++;
                if (failures.size() < FAILURES_LISTED) {
                    failures.add(f);
                    LOG.warnf("%s %s: %s", kind.table(), f.id(), f.reason()); // the first ones; the count follows
                }
            }
            if (batch.last() == null) {
                return rewrapped;
            }
            after = batch.last();
        }
    }

    private SealedSecretStore store(String kind) {
        return stores.stream()
                .filter(s -> s.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no sealed-secret store " + kind));
    }

    private record Batch(UUID last, int rewrapped, List<RewrapResult.Failure> failures) {}

    /** One transaction: the next rows after {@code after} that are not on the active version and not locked. */
    private Batch batch(SealedSecretStore kind, KeyRing ring, UUID after, int limit) {
        int active = ring.activeVersion();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, " + kind.aadColumn() + ", secret_ciphertext, "
                        + "key_version FROM " + kind.table()
                        + " WHERE key_version <> ?1 AND id > ?2 ORDER BY id LIMIT ?3 "
                        + "FOR UPDATE SKIP LOCKED")
                .setParameter(1, active)
                .setParameter(2, after)
                .setParameter(3, limit)
                .getResultList();
        UUID last = null;
        int rewrapped = 0;
        List<RewrapResult.Failure> failures = new ArrayList<>();
        SecretBox target = ring.active();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            last = id;
            String aad = kind.aad(row[1]);
            int version = ((Number) row[3]).intValue();
            if (!ring.has(version)) {
                failures.add(new RewrapResult.Failure(
                        kind.kind(), id, version, "key-encryption key version " + version + " is not configured"));
                continue;
            }
            byte[] sealed;
            try {
                sealed = target.seal(ring.version(version).open((byte[]) row[2], aad), aad);
            } catch (SecretBox.SecretBoxException e) {
                failures.add(new RewrapResult.Failure(
                        kind.kind(), id, version, "does not open with key-encryption key version " + version));
                continue;
            }
            rewrapped += em.createNativeQuery(
                            "UPDATE " + kind.table() + " SET secret_ciphertext = ?1, " + "key_version = ?2"
                                    + (kind.versioned() ? ", version = version + 1" : "") + " WHERE id = ?3")
                    .setParameter(1, sealed)
                    .setParameter(2, active)
                    .setParameter(3, id)
                    .executeUpdate();
        }
        return new Batch(last, rewrapped, failures);
    }

    private Map<Integer, Long> countByVersion(SealedSecretStore kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT key_version, count(*) FROM " + kind.table() + " GROUP BY key_version")
                .getResultList();
        Map<Integer, Long> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
