package io.labgate.delivery;

import io.labgate.delivery.api.AccessContext;
import io.labgate.delivery.api.DeliveryRefused;
import io.labgate.delivery.api.DeliveryRefused.Reason;
import io.labgate.delivery.api.GrantedVersion;
import io.labgate.delivery.api.ManifestObject;
import io.labgate.delivery.api.ObjectDelivery;
import io.labgate.platform.storage.StorageConfig;
import io.labgate.platform.storage.StorageException;
import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageLogException;
import io.labgate.usage.api.UsageOutcome;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.http.Method;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Presigned GET links for objects of a granted version, signed for the store's public endpoint. A link cannot be
 * revoked once issued, so it lives min(policy maxLinkSeconds, whole seconds left on the grant − 1): it never
 * outlives the grant. Signing is local (the client knows its region), no network call. Each link is written to
 * the usage log (LINK_ISSUED) before it is answered.
 */
@ApplicationScoped
public class PresignedLinks {

    /** Most links one request may ask for. */
    public static final int MAX_KEYS = 100;

    private static final Pattern AMZ_DATE = Pattern.compile("[?&]X-Amz-Date=(\\d{8}T\\d{6}Z)");
    private static final DateTimeFormatter AMZ_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One issued link. */
    public record Link(String key, String url, Instant expiresAt) {}

    @Inject
    StorageConfig storage;

    @Inject
    ObjectDelivery delivery;

    @Inject
    UsageLog usageLog;

    @Inject
    Clock clock;

    @Inject
    DeliveryMetrics metrics;

    private MinioClient signer;

    @PostConstruct
    void init() {
        signer = MinioClient.builder()
                .endpoint(storage.publicEndpoint().filter(e -> !e.isBlank()).orElse(storage.endpoint()))
                .region(storage.region())
                .credentials(storage.accessKey(), storage.secretKey())
                .build();
    }

    /** Links for these keys (each a manifest key, else NO_SUCH_KEY for the whole request), logged. */
    public List<Link> issue(GrantedVersion grant, List<String> keys) {
        List<ManifestObject> objects = new LinkedHashSet<>(keys)
                .stream().map(k -> delivery.stat(grant, k)).toList();
        Instant now = clock.instant();
        long lifetime = Math.min(
                grant.maxLinkSeconds(),
                Duration.between(now, grant.validUntil()).getSeconds() - 1);
        if (lifetime < 1) {
            throw delivery.refuse(
                    grant.context(),
                    grant.grantId(),
                    grant.datasetVersionId(),
                    null,
                    new DeliveryRefused(
                            Reason.GRANT_NOT_USABLE,
                            "grant " + grant.grantId() + " ends at " + grant.validUntil() + "; too soon for a link"));
        }
        long offered = objects.stream().mapToLong(ManifestObject::size).sum();
        // charged when issued (all links of the request or none): a link can be used any number of times while
        // it lives, and its downloads go straight to the store, where LabGate cannot count them
        delivery.charge(grant, objects.size() == 1 ? objects.get(0).key() : null, offered);
        try {
            List<Link> links = new ArrayList<>();
            for (ManifestObject object : objects) {
                links.add(sign(grant, object, (int) lifetime));
            }
            logIssued(grant, objects, links);
            metrics.linksIssued(links.size());
            return links;
        } catch (RuntimeException e) {
            // no link was handed out
            delivery.refund(grant, offered);
            throw e;
        }
    }

    private void logIssued(GrantedVersion grant, List<ManifestObject> objects, List<Link> links) {
        List<CompletableFuture<LoggedEvent>> logged = new ArrayList<>();
        AccessContext ctx = grant.context();
        for (int i = 0; i < links.size(); i++) {
            // bytes: the linked object's size in the manifest, what the link offers (LabGate never sees the
            // download itself, which goes straight to the store)
            logged.add(usageLog.recordAsync(
                    UsageEventDraft.builder(UsageAction.LINK_ISSUED, UsageOutcome.SUCCESS, ctx.subject())
                            .organization(ctx.organizationId())
                            .grant(grant.grantId())
                            .datasetVersion(grant.datasetVersionId())
                            .objectKey(ObjectDelivery.truncate(links.get(i).key()))
                            .bytes(objects.get(i).size())
                            .clientAddress(ctx.clientAddress())
                            .requestId(ctx.requestId())
                            .clientRequestId(ctx.clientRequestId())
                            .build()));
        }
        try {
            CompletableFuture.allOf(logged.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UsageLogException u) {
                throw u;
            }
            throw e;
        }
    }

    private Link sign(GrantedVersion grant, ManifestObject object, int lifetime) {
        String url;
        try {
            url = signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET)
                    .bucket(grant.bucket())
                    .object(grant.prefix() + object.key())
                    .expiry(lifetime)
                    .build());
        } catch (Exception e) {
            throw new StorageException("sign a link for " + object.key(), e);
        }
        Matcher date = AMZ_DATE.matcher(url);
        if (!date.find()) {
            throw new IllegalStateException("a presigned URL without X-Amz-Date");
        }
        Instant signedAt = AMZ_FORMAT.parse(date.group(1), Instant::from);
        return new Link(object.key(), url, signedAt.plusSeconds(lifetime));
    }
}
