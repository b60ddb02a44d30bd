package io.labgate.notify;

import io.labgate.notify.web.WebhookDeliveryResponse;
import io.labgate.notify.web.WebhookRequest;
import io.labgate.notify.web.WebhookResponse;
import io.labgate.platform.crypto.KeyRing;
import io.labgate.platform.crypto.SecretBox;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Caller;
import io.labgate.platform.time.LabTime;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Webhook subscriptions (operators only, enforced by the resource) and their deliveries. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class WebhookService {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "url", "url");
    private static final Map<String, String> DELIVERY_SORTABLE =
            Map.of("createdAt", "createdAt", "nextAttemptAt", "nextAttemptAt", "attempts", "attempts");

    @Inject
    KeyRing encryption;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public WebhookCreated create(WebhookRequest body) {
        String url = validUrl(body.url());
        SecretBox box;
        try {
            box = encryption.active();
        } catch (IllegalStateException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "webhooks cannot be created: no key-encryption "
                            + "key is configured (labgate.gateway.key-encryption-keys)");
        }
        byte[] raw = new byte[32];
        encryption.random().nextBytes(raw);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = url;
        s.eventTypes =
                body.eventTypes().stream().distinct().sorted().map(Enum::name).toList();
        s.description = body.description() == null || body.description().isBlank()
                ? null
                : body.description().strip();
        s.secretCiphertext = box.seal(secret, WebhookSubscription.aad(s.id));
        s.keyVersion = encryption.activeVersion();
        s.active = true;
        s.createdAt = now();
        s.createdBy = caller.subject();
        s.persistAndFlush();
        return new WebhookCreated(WebhookResponse.from(s), secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<WebhookResponse> list(Boolean active, PageQuery page) {
        String query = active == null ? "1 = 1" : "active = :active";
        Parameters parameters = active == null ? new Parameters() : Parameters.with("active", active);
        return PageResponse.of(
                WebhookSubscription.find(query, page.toSort(SORTABLE, "createdAt"), parameters),
                page,
                (WebhookSubscription s) -> WebhookResponse.from(s));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookResponse get(UUID id) {
        return WebhookResponse.from(find(id));
    }

    /** Deactivates: no new rows are written for it and its pending rows are no longer sent. Idempotent. */
    public WebhookResponse deactivate(UUID id) {
        WebhookSubscription s = WebhookSubscription.<WebhookSubscription>findByIdOptional(
                        id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("webhook", id));
        if (s.active) {
            s.active = false;
            s.deactivatedAt = now();
            s.deactivatedBy = caller.subject();
            s.persistAndFlush();
        }
        return WebhookResponse.from(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<WebhookDeliveryResponse> deliveries(UUID id, String state, PageQuery page) {
        find(id);
        String query = "subscriptionId = :id";
        if (state != null) {
            query += switch (state.toUpperCase(Locale.ROOT)) {
                case "PENDING" -> " and deliveredAt is null and dead = false";
                case "DELIVERED" -> " and deliveredAt is not null";
                case "DEAD" -> " and dead = true";
                default -> throw ApiException.invalid("state", "must be PENDING, DELIVERED or DEAD");
            };
        }
        return PageResponse.of(
                WebhookOutboxEntry.find(query, page.toSort(DELIVERY_SORTABLE, "createdAt"), Parameters.with("id", id)),
                page,
                (WebhookOutboxEntry e) -> WebhookDeliveryResponse.from(e));
    }

    private WebhookSubscription find(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("webhook", id));
    }

    /** An absolute http(s) URL with a host and no user info (credentials would be listed back). */
    static String validUrl(String raw) {
        String value = raw.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.invalid("url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.invalid("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.invalid("url", "must not carry user info; authenticate with the signature");
        }
        if (uri.getRawFragment() != null) {
            throw ApiException.invalid("url", "must not have a fragment");
        }
        return value;
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
