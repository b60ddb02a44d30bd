package io.labgate.gateway.key;

import io.labgate.access.api.GrantLedger;
import io.labgate.access.api.UsableGrant;
import io.labgate.gateway.GatewayConfig;
import io.labgate.gateway.web.AccessKeyResponse;
import io.labgate.platform.cache.ChangeFeed;
import io.labgate.platform.cache.LocalCache;
import io.labgate.platform.cache.WatchedCache;
import io.labgate.platform.crypto.KeyRing;
import io.labgate.platform.crypto.SecretBox;
import io.labgate.platform.db.ShortStatements;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.security.Caller;
import io.labgate.platform.security.Roles;
import io.labgate.platform.time.LabTime;
import io.labgate.policy.api.AccessMode;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Access keys of the S3-compatible endpoint. An AI company issues keys for its own usable grants that allow
 * {@link AccessMode#S3_ENDPOINT}; the secret is answered once and stored only encrypted. Keys die with their grant:
 * the S3 endpoint checks the key's grant on every request (ObjectDelivery), after {@link #resolve} found the key.
 *
 * <p>Who may do what: issue — the AI company that owns the grant; list — that AI company, operators and auditors;
 * revoke — that AI company and operators. Anyone else's grant answers 404.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AccessKeyService {

    static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final int SECRET_LENGTH = 40;

    @Inject
    AccessKeyRepository keys;

    @Inject
    ShortStatements statements;

    @Inject
    ChangeFeed changes;

    @Inject
    GrantLedger grants;

    @Inject
    KeyRing encryption;

    @Inject
    GatewayConfig config;

    @Inject
    UsageLog usage;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Issues a key for the caller's own grant, which must be usable now and allow the S3 endpoint. */
    public AccessKeyCreated create(UUID grantId) {
        UUID organizationId = caller.organizationId().orElseThrow(() -> ApiException.notFound("grant", grantId));
        UsableGrant grant = grants.requireUsable(grantId, AccessMode.S3_ENDPOINT, organizationId);
        SecretBox box;
        try {
            box = encryption.active();
        } catch (IllegalStateException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "access keys cannot be issued: no key-encryption " + "key is configured");
        }
        SecureRandom random = encryption.random();
        AccessKey key = new AccessKey();
        key.id = UUID.randomUUID();
        key.grantId = grant.id();
        key.organizationId = organizationId;
        key.accessKeyId = "LG" + randomString(random, KEY_ID_ALPHABET, 18);
        String secret = randomString(random, SECRET_ALPHABET, SECRET_LENGTH);
        key.secretCiphertext = box.seal(secret, key.accessKeyId);
        key.keyVersion = encryption.activeVersion();
        key.createdAt = now();
        key.createdBy = caller.subject();
        keys.persist(key);
        keys.flush();
        record(key, "issued " + key.accessKeyId);
        return new AccessKeyCreated(
                key.id, key.grantId, key.accessKeyId, secret, config.region(), key.createdAt, key.createdBy);
    }

    /** Every key of a grant the caller may see (operators, auditors, the owning AI company), without secrets. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccessKeyResponse> list(UUID grantId) {
        requireVisible(grantId);
        return keys.ofGrant(grantId).stream().map(AccessKeyResponse::from).toList();
    }

    /** Revokes a key at once; revoking a revoked key changes nothing. */
    public AccessKeyResponse revoke(UUID grantId, UUID keyId) {
        requireVisible(grantId);
        AccessKey key = keys.findOfGrant(grantId, keyId).orElseThrow(() -> ApiException.notFound("access key", keyId));
        if (key.revokedAt == null) {
            key.revokedAt = now();
            key.revokedBy = caller.subject();
            keys.flush();
            record(key, "revoked " + key.accessKeyId);
        }
        return AccessKeyResponse.from(key);
    }

    /** Whether the key exists and is not revoked: a running S3 transfer asks it now and then. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isUnrevoked(String accessKeyId) {
        return liveKey(accessKeyId) != null;
    }

    /**
     * For the S3 endpoint: the key with this id and its secret, if the key is not revoked. Kept in memory and
     * forgotten on every replica when the key changes (revocation bites at the next request everywhere, see
     * ChangeFeed); the decrypted secret is kept per key and key-encryption version, since it never changes.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KeyResolution resolve(String accessKeyId) {
        LiveKey key = liveKey(accessKeyId);
        if (key == null) {
            return new KeyResolution.Unknown();
        }
        String secret = secrets.get(new SealedSecret(accessKeyId, key.keyVersion()), k -> open(accessKeyId, key));
        return new KeyResolution.Usable(accessKeyId, key.grantId(), key.organizationId(), secret);
    }

    /** Unrevoked keys by access key id; unknown and revoked ones are not kept (each asks the database). */
    private WatchedCache<LiveKey> liveKeys;

    @PostConstruct
    void watchKeys() {
        liveKeys = changes.watch("access_key", 100_000);
    }

    private LiveKey liveKey(String accessKeyId) {
        // one short statement when not in memory: no session, no transaction
        return liveKeys.get(
                accessKeyId,
                id -> statements.queryOne(
                        "SELECT grant_id, organization_id, secret_ciphertext, key_version FROM access_key "
                                + "WHERE access_key_id = ?1 AND revoked_at IS NULL",
                        rs -> new LiveKey(
                                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3), rs.getInt(4)),
                        id));
    }

    /** The columns of an unrevoked key that the S3 endpoint needs. */
    private record LiveKey(UUID grantId, UUID organizationId, byte[] secretCiphertext, int keyVersion) {}

    /** Decrypted secrets by key and the key-encryption version they are sealed under (a rewrap changes it). */
    private final LocalCache<SealedSecret, String> secrets = LocalCache.unbounded(10_000);

    private record SealedSecret(String accessKeyId, int keyVersion) {}

    private String open(String accessKeyId, LiveKey key) {
        try {
            return encryption.version(key.keyVersion()).open(key.secretCiphertext(), accessKeyId);
        } catch (RuntimeException e) {
            throw new IllegalStateException("access key " + accessKeyId + " does not decrypt: " + e.getMessage());
        }
    }

    private void requireVisible(UUID grantId) {
        if (caller.is(Roles.PROVIDER) && !caller.seesAllTenants()) {
            throw ApiException.notFound("grant", grantId);
        }
        grants.requireVisibleToCaller(grantId);
    }

    private void record(AccessKey key, String reason) {
        // in the key's own transaction: the change and its event commit together
        usage.recordWithChange(
                UsageEventDraft.builder(UsageAction.ACCESS_KEY_CHANGED, UsageOutcome.SUCCESS, caller.subject())
                        .organization(key.organizationId)
                        .grant(key.grantId)
                        .reason(reason)
                        .build());
    }

    static String randomString(SecureRandom random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
