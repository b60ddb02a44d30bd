package io.labgate.notify;

import io.labgate.platform.crypto.SealedSecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The sealed signing secrets of the webhook subscriptions, for the rewrap. */
@ApplicationScoped
class WebhookSecrets implements SealedSecretStore {

    @Override
    public String kind() {
        return WEBHOOK;
    }

    @Override
    public String table() {
        return "webhook_subscription";
    }

    @Override
    public String aadColumn() {
        return "id";
    }

    @Override
    public String aad(Object subscriptionId) {
        return WebhookSubscription.aad((UUID) subscriptionId);
    }

    @Override
    public boolean versioned() {
        return true;
    }
}
