package io.labgate.delivery.api;

import io.labgate.access.api.ByteUsage;
import io.labgate.access.api.GrantCheck;
import io.labgate.access.api.GrantLedger;
import io.labgate.access.api.UsableGrant;
import io.labgate.catalogue.api.Catalogue;
import io.labgate.catalogue.api.GrantableVersion;
import io.labgate.catalogue.api.ManifestEntry;
import io.labgate.catalogue.api.ManifestReader;
import io.labgate.catalogue.api.NotGrantable;
import io.labgate.delivery.DeliveryConfig;
import io.labgate.delivery.DeliveryLimiter;
import io.labgate.delivery.DeliveryMetrics;
import io.labgate.delivery.api.DeliveryRefused.Reason;
import io.labgate.platform.cache.LocalCache;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.storage.ObjectStore;
import io.labgate.policy.api.AccessMode;
import io.labgate.policy.api.ClientNetworks;
import io.labgate.policy.api.PolicyVersion;
import io.labgate.policy.api.SecurityPolicies;
import io.labgate.usage.api.OpenTransfer;
import io.labgate.usage.api.QuotaNotReserved;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the objects of granted dataset versions for every access path (streamed downloads, presigned links, the
 * S3-compatible endpoint): decides whether a grant may be used by this organization, in this mode, from this
 * address; lists and finds objects only through the version's manifest; streams bytes while counting them.
 *
 * <p>Every refusal is written to the usage log as ACCESS_REFUSED with the {@link Reason} before it is thrown.
 * Every transfer is written ahead: a TRANSFER_STARTED event (key, range, bytes reserved) is committed before the
 * first byte, and its completion, one OBJECT_STREAMED (or S3_REQUEST) event with the exact bytes sent, when it
 * ends, also when the client went away; a transfer whose replica dies is completed as INTERRUPTED by another
 * (usage feature). The usage log blocks until the event is committed: never call this service on the Vert.x event
 * loop.
 *
 * <p>Key safety: a key reaches an object only when the version prefix followed by the key is exactly a key of
 * the version's manifest. No path normalisation happens anywhere, so {@code ../}, encoded slashes, absolute
 * paths and keys of other versions or buckets find nothing.
 */
@ApplicationScoped
public class ObjectDelivery {

    /** Most objects one page of a listing holds. */
    public static final int MAX_PAGE = 1000;

    static final int MAX_KEY_LENGTH = 1024;

    /**
     * Reason of the S3_REQUEST event of a successful S3 GetObject (the bytes sent are on it), named like the S3
     * endpoint's other logged operations ({@code s3 HeadObject}, {@code s3 ListBuckets}, ...).
     */
    public static final String S3_GET_OBJECT = "s3 GetObject";

    @Inject
    GrantLedger grants;

    @Inject
    Catalogue catalogue;

    @Inject
    ManifestReader manifest;

    @Inject
    SecurityPolicies policies;

    @Inject
    ObjectStore store;

    @Inject
    UsageLog usageLog;

    @Inject
    DeliveryLimiter limiter;

    @Inject
    DeliveryConfig config;

    @Inject
    DeliveryMetrics metrics;

    // What every data request reads, kept per replica. The grant, its organization's status and access keys are
    // kept by their owners and forgotten on every replica when they change (ChangeFeed); the period is judged by
    // the clock on every request: revocation and expiry bite at the next request on every replica.
    /** Published versions' locations; a retirement revokes the grants in its own transaction, so a stale entry is harmless. */
    private final LocalCache<UUID, GrantableVersion> versions = LocalCache.expiring(10_000, Duration.ofSeconds(5));
    /** Policy versions in use by grants: immutable (a database trigger refuses changes once used). */
    private final LocalCache<UUID, PolicyVersion> policyVersions = LocalCache.unbounded(10_000);
    /** Manifest rows of published versions: immutable (database triggers). Misses are not kept. */
    private final LocalCache<ManifestKey, ManifestEntry> manifestRows = LocalCache.unbounded(100_000);

    private record ManifestKey(UUID versionId, String key) {}

    /**
     * The grant, usable now by this organization in this mode from this client address, or a
     * {@link DeliveryRefused} (logged as a usage event). Costs the organization one request of its rate.
     *
     * @param mode the access mode asked for; null for operations every mode includes (listing)
     * @param client the client address, checked against the policy's networks (null fails a non-empty list)
     */
    public GrantedVersion authorize(
            UUID grantId, UUID organizationId, AccessMode mode, InetAddress client, AccessContext ctx) {
        long waitNanos = limiter.tryRequest(organizationId);
        if (waitNanos > 0) {
            throw refuse(
                    ctx,
                    grantId,
                    null,
                    null,
                    DeliveryRefused.retryLater(
                            Reason.RATE_LIMITED,
                            "organization " + organizationId + " exceeded "
                                    + limiter.limits().requestsPerSecond() + " data requests per second",
                            (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
        // the checks hold no transaction: each reads on its own, and a refusal is logged after them, holding no
        // connection meanwhile
        Decision decision = decide(grantId, organizationId, mode, client, ctx);
        if (decision.refusal() != null) {
            throw refuse(ctx, grantId, decision.versionId(), null, decision.refusal());
        }
        return decision.granted();
    }

    /** What {@link #authorize} decided: the grant, or a refusal (with the version, when known). */
    private record Decision(GrantedVersion granted, UUID versionId, DeliveryRefused refusal) {

        static Decision refused(UUID versionId, DeliveryRefused refusal) {
            return new Decision(null, versionId, refusal);
        }
    }

    private Decision decide(
            UUID grantId, UUID organizationId, AccessMode asked, InetAddress client, AccessContext ctx) {
        // listing belongs to every mode (asked null): the grant's first mode stands for it
        GrantCheck check = grants.check(grantId, organizationId, asked).orElse(null);
        if (check == null) {
            return Decision.refused(
                    null, new DeliveryRefused(Reason.NO_SUCH_GRANT, "grant " + grantId + " does not exist"));
        }
        UsableGrant grant = check.grant();
        AccessMode mode = check.mode();
        if (!check.modeAllowed()) {
            return Decision.refused(
                    grant.datasetVersionId(),
                    new DeliveryRefused(
                            Reason.MODE_NOT_ALLOWED,
                            "grant " + grantId + " does not allow " + mode + "; it allows " + grant.accessModes()));
        }
        if (!check.usable()) {
            // status, period (by the clock) and organization: read now, never cached
            return Decision.refused(
                    grant.datasetVersionId(), new DeliveryRefused(Reason.GRANT_NOT_USABLE, check.notUsable()));
        }
        GrantableVersion version;
        try {
            version = versions.get(grant.datasetVersionId(), catalogue::grantable);
        } catch (NotGrantable e) {
            return Decision.refused(
                    grant.datasetVersionId(), new DeliveryRefused(Reason.GRANT_NOT_USABLE, e.getMessage()));
        }
        PolicyVersion policy = policyVersions.get(grant.policyId(), policies::require);
        if (asked == AccessMode.PRESIGNED_URL && !policy.allowedNetworks().isEmpty()) {
            // a policy from before links and networks were exclusive: a link would escape its networks
            return Decision.refused(
                    grant.datasetVersionId(),
                    new DeliveryRefused(
                            Reason.NETWORK_NOT_ALLOWED,
                            "policy " + policy.code() + " v" + policy.versionNo() + " limits networks; a presigned "
                                    + "link is fetched from the store, outside them, so none is issued"));
        }
        if (!ClientNetworks.allows(policy.allowedNetworks(), client)) {
            return Decision.refused(
                    grant.datasetVersionId(),
                    new DeliveryRefused(
                            Reason.NETWORK_NOT_ALLOWED,
                            "client address " + ctx.clientAddress() + " is outside the networks policy " + policy.code()
                                    + " v" + policy.versionNo() + " allows"));
        }
        return new Decision(
                new GrantedVersion(
                        grant.id(),
                        grant.organizationId(),
                        grant.datasetVersionId(),
                        version.bucketName(),
                        version.prefix() == null ? "" : version.prefix(),
                        mode,
                        policy.maxLinkSeconds(),
                        grant.validUntil(),
                        grant.byteQuota(),
                        ctx,
                        version.datasetCode(),
                        version.label(),
                        version.publishedAt()),
                grant.datasetVersionId(),
                null);
    }

    /**
     * Objects of the granted version from its manifest, keys relative to the version prefix, in binary key order
     * (as S3 lists): those starting with {@code prefix} and after {@code startAfter}, at most {@code limit}
     * (1 to {@value #MAX_PAGE}). Logged as OBJECT_LISTED, after the query (no transaction waits for the log).
     */
    public ObjectPage list(GrantedVersion grant, String prefix, String startAfter, int limit) {
        if (prefix != null && prefix.indexOf('\0') >= 0 || startAfter != null && startAfter.indexOf('\0') >= 0) {
            // no key holds NUL, and PostgreSQL text cannot
            throw ApiException.invalid(
                    prefix != null && prefix.indexOf('\0') >= 0 ? "prefix" : "startAfter", "must not contain NUL");
        }
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        String keyPrefix = grant.prefix() + (prefix == null ? "" : prefix);
        String after = startAfter == null || startAfter.isEmpty() ? "" : grant.prefix() + startAfter;
        List<ManifestEntry> rows = manifest.page(grant.datasetVersionId(), keyPrefix, after, size + 1);
        List<ManifestObject> objects = new ArrayList<>();
        for (ManifestEntry row : rows.subList(0, Math.min(size, rows.size()))) {
            objects.add(new ManifestObject(
                    row.key().substring(grant.prefix().length()),
                    row.sizeBytes(),
                    row.sha256(),
                    row.contentType(),
                    row.lastModified()));
        }
        boolean truncated = rows.size() > size;
        record(
                UsageEventDraft.builder(
                                UsageAction.OBJECT_LISTED,
                                UsageOutcome.SUCCESS,
                                grant.context().subject())
                        .objectKey(prefix == null || prefix.isEmpty() ? null : truncate(prefix)),
                grant.context(),
                grant);
        return new ObjectPage(
                List.copyOf(objects),
                truncated,
                truncated ? objects.get(objects.size() - 1).key() : null);
    }

    /**
     * One object of the manifest. A key that is not exactly a manifest key (after the version prefix) is
     * NO_SUCH_KEY, logged (outside any transaction).
     */
    public ManifestObject stat(GrantedVersion grant, String key) {
        ManifestEntry object = key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.indexOf('\0') >= 0
                ? null
                : manifestRows.get(
                        new ManifestKey(grant.datasetVersionId(), grant.prefix() + key),
                        k -> manifest.find(k.versionId(), k.key()).orElse(null));
        if (object == null) {
            throw refuse(
                    grant.context(),
                    grant.grantId(),
                    grant.datasetVersionId(),
                    key,
                    new DeliveryRefused(Reason.NO_SUCH_KEY, "no object " + key + " in the granted version"));
        }
        return new ManifestObject(
                key, object.sizeBytes(), object.sha256(), object.contentType(), object.lastModified());
    }

    /**
     * Streams the object or one byte range to {@code out}, as {@link #prepare} and {@link Transfer#writeTo}.
     * Refusals (range, quota, concurrent streams) come before the first byte.
     */
    public void stream(
            GrantedVersion grant, ManifestObject object, ByteRange range, OutputStream out, AccessContext ctx)
            throws java.io.IOException {
        try (Transfer transfer = prepare(grant, object, range, ctx)) {
            transfer.writeTo(out);
        }
    }

    /**
     * Everything a transfer needs before its first byte, so that an HTTP endpoint can still answer an error
     * instead of a status line: resolves the range (416), takes one of the organization's download slots
     * (TOO_MANY_STREAMS), reserves the bytes on the grant's quota (QUOTA_EXCEEDED) and opens the object in the
     * store (502 when it fails). Close the transfer (after {@link Transfer#writeTo}, or instead of it).
     */
    public Transfer prepare(GrantedVersion grant, ManifestObject object, ByteRange range, AccessContext ctx) {
        ByteRange.Slice slice = range.resolve(object.size())
                .orElseThrow(() -> refuse(
                        ctx,
                        grant.grantId(),
                        grant.datasetVersionId(),
                        object.key(),
                        DeliveryRefused.unsatisfiable(object.key(), range.toString(), object.size())));
        if (!limiter.tryStartStream(grant.organizationId())) {
            throw refuse(
                    ctx,
                    grant.grantId(),
                    grant.datasetVersionId(),
                    object.key(),
                    DeliveryRefused.retryLater(
                            Reason.TOO_MANY_STREAMS,
                            "organization " + grant.organizationId() + " already runs "
                                    + limiter.limits().maxConcurrentStreams() + " downloads",
                            1));
        }
        OpenTransfer started = null;
        try {
            // write-ahead: the start and its bytes' reservation on the quota are durable before the first byte can
            // leave (QUOTA_EXCEEDED, or 503 and nothing sent otherwise)
            started = begin(grant, object, slice, ctx);
            InputStream in = slice.length() == 0
                    ? InputStream.nullInputStream()
                    : slice.partial()
                            ? store.open(grant.bucket(), grant.prefix() + object.key(), slice.offset(), slice.length())
                            : store.open(grant.bucket(), grant.prefix() + object.key());
            return new Transfer(this, grant, object, slice, ctx, in, started);
        } catch (RuntimeException e) {
            try {
                if (started != null) {
                    // gives the reservation back with it
                    complete(grant, object, ctx, started, 0, UsageOutcome.FAILED, "STORE_FAILED");
                }
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            } finally {
                limiter.endStream(grant.organizationId());
            }
            throw e;
        }
    }

    private OpenTransfer begin(GrantedVersion grant, ManifestObject object, ByteRange.Slice slice, AccessContext ctx) {
        UsageEventDraft.Builder started = UsageEventDraft.builder(
                        UsageAction.TRANSFER_STARTED, UsageOutcome.SUCCESS, ctx.subject())
                .objectKey(truncate(object.key()))
                .bytes(slice.length())
                .reason(
                        slice.length() == 0
                                ? "bytes none"
                                : "bytes " + slice.offset() + "-" + (slice.offset() + slice.length() - 1));
        try {
            return usageLog.begin(withRequest(started, ctx, grant), completionAction(ctx));
        } catch (QuotaNotReserved e) {
            throw quotaExceeded(grant, object.key(), slice.length());
        }
    }

    private static UsageAction completionAction(AccessContext ctx) {
        return ctx.path() == AccessPath.S3_ENDPOINT ? UsageAction.S3_REQUEST : UsageAction.OBJECT_STREAMED;
    }

    /**
     * Charges {@code bytes} to the grant's byte quota in one conditional UPDATE, or refuses (logged) with
     * QUOTA_EXCEEDED when they do not fit; nothing is charged then. Presigned links are charged so when issued:
     * LabGate never sees their downloads.
     *
     * @param key the object the bytes are for, or null for several
     */
    public void charge(GrantedVersion grant, String key, long bytes) {
        if (bytes == 0) {
            return;
        }
        if (!grants.tryReserveBytes(grant.grantId(), bytes)) {
            throw quotaExceeded(grant, key, bytes);
        }
    }

    private DeliveryRefused quotaExceeded(GrantedVersion grant, String key, long bytes) {
        ByteUsage usage = grants.byteUsage(grant.grantId());
        return refuse(
                grant.context(),
                grant.grantId(),
                grant.datasetVersionId(),
                key,
                new DeliveryRefused(
                        Reason.QUOTA_EXCEEDED,
                        "grant " + grant.grantId() + " has used " + usage.used() + " of its " + usage.quota()
                                + " bytes; " + bytes + " more do not fit"));
    }

    /** Gives back bytes {@link #charge charged} for something that was not delivered after all. */
    public void refund(GrantedVersion grant, long bytes) {
        if (bytes != 0) {
            grants.releaseBytes(grant.grantId(), bytes);
        }
    }

    // --- used by Transfer -----------------------------------------------------------------------------------

    /**
     * Throws a refusal (logged) when the grant may no longer be used (GRANT_NOT_USABLE) or the request's credential
     * was revoked (CREDENTIAL_REVOKED).
     */
    void recheck(GrantedVersion grant, String key) {
        try {
            grants.requireUsable(grant.grantId(), grant.mode(), grant.organizationId());
        } catch (ApiException e) {
            throw refuse(
                    grant.context(),
                    grant.grantId(),
                    grant.datasetVersionId(),
                    key,
                    new DeliveryRefused(Reason.GRANT_NOT_USABLE, e.getMessage()));
        }
        if (!grant.context().credential().stillValid()) {
            throw refuse(
                    grant.context(),
                    grant.grantId(),
                    grant.datasetVersionId(),
                    key,
                    new DeliveryRefused(
                            Reason.CREDENTIAL_REVOKED,
                            "the credential " + grant.context().subject() + " was revoked during the transfer"));
        }
    }

    /**
     * Records the transfer's completion with the bytes written, which gives back the reserved bytes that were not
     * sent in the same transaction (the grant's bytes used then count exactly what was written), and releases the
     * download slot. If the
     * completion cannot be written, the reservation stays on the grant: the transfer is settled later as
     * INTERRUPTED with the reserved bytes, the upper bound of what went out.
     */
    void finish(
            GrantedVersion grant,
            ManifestObject object,
            ByteRange.Slice slice,
            AccessContext ctx,
            OpenTransfer started,
            long written,
            UsageOutcome outcome,
            String reason) {
        try {
            metrics.served(ctx.path(), written);
            // an S3 download says so, like the endpoint's other operations ("s3 HeadObject", ...): the report
            // tells downloads from other S3 requests by it
            String why = ctx.path() == AccessPath.S3_ENDPOINT && reason == null ? S3_GET_OBJECT : reason;
            // the completion gives the reservation's unsent bytes back in its own transaction
            complete(grant, object, ctx, started, written, outcome, why);
        } finally {
            limiter.endStream(grant.organizationId());
        }
    }

    /**
     * A transfer that never started writing (the client left before the body): its start is completed with no
     * bytes, its reservation and its slot are given back.
     */
    void abandon(
            GrantedVersion grant,
            ManifestObject object,
            ByteRange.Slice slice,
            AccessContext ctx,
            OpenTransfer started) {
        try {
            complete(grant, object, ctx, started, 0, UsageOutcome.FAILED, "CLIENT_ABORTED");
        } finally {
            limiter.endStream(grant.organizationId());
        }
    }

    private void complete(
            GrantedVersion grant,
            ManifestObject object,
            AccessContext ctx,
            OpenTransfer started,
            long written,
            UsageOutcome outcome,
            String reason) {
        UsageEventDraft.Builder completion = UsageEventDraft.builder(completionAction(ctx), outcome, ctx.subject())
                .objectKey(truncate(object.key()))
                .bytes(written)
                .reason(reason);
        usageLog.complete(started, withRequest(completion, ctx, grant));
    }

    Duration recheckEvery() {
        return config.recheckEvery();
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** Logs a refusal as ACCESS_REFUSED with its reason and answers it, for the caller to throw. */
    public DeliveryRefused refuse(
            AccessContext ctx, UUID grantId, UUID versionId, String key, DeliveryRefused refusal) {
        boolean flood = refusal.reason() == Reason.RATE_LIMITED || refusal.reason() == Reason.TOO_MANY_STREAMS;
        UsageEventDraft event = UsageEventDraft.builder(UsageAction.ACCESS_REFUSED, UsageOutcome.REFUSED, ctx.subject())
                .organization(ctx.organizationId())
                .grant(grantId)
                .datasetVersion(versionId)
                // a client over its rate hammers many keys: its tally is per grant, not per object
                .objectKey(key == null || flood ? null : truncate(key))
                .clientAddress(ctx.clientAddress())
                .reason(refusal.reason().name())
                .requestId(ctx.requestId())
                .clientRequestId(ctx.clientRequestId())
                .build();
        if (flood) {
            // a client far over its limit must not turn each refused request into a row of the log
            usageLog.tally(event);
        } else {
            usageLog.record(event);
        }
        metrics.refused(refusal.reason());
        return refusal;
    }

    private void record(UsageEventDraft.Builder event, AccessContext ctx, GrantedVersion grant) {
        usageLog.record(withRequest(event, ctx, grant));
    }

    private static UsageEventDraft withRequest(UsageEventDraft.Builder event, AccessContext ctx, GrantedVersion grant) {
        return event.organization(ctx.organizationId())
                .grant(grant.grantId())
                .datasetVersion(grant.datasetVersionId())
                .clientAddress(ctx.clientAddress())
                .requestId(ctx.requestId())
                .clientRequestId(ctx.clientRequestId())
                .build();
    }

    /** A key as the usage log can hold it: at most 1024 characters, NUL (which PostgreSQL refuses) replaced. */
    public static String truncate(String key) {
        String safe = key.replace('\0', '\uFFFD');
        return safe.length() > MAX_KEY_LENGTH ? safe.substring(0, MAX_KEY_LENGTH) : safe;
    }
}
