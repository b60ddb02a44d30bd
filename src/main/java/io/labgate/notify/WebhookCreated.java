package io.labgate.notify;

import io.labgate.notify.web.WebhookResponse;

/**
 * A new subscription and its signing secret, answered only once. Receivers check
 * {@code X-LabGate-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the UTF-8 bytes of secret>}.
 */
public record WebhookCreated(WebhookResponse subscription, String secret) {

    @Override
    public String toString() {
        return "WebhookCreated[" + subscription.id() + "]"; // never the secret
    }
}
