package io.labgate.notify;

import io.labgate.platform.crypto.KeyRing;
import io.labgate.platform.time.LabTime;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends due outbox rows ({@code labgate.notify.deliver-every}): claims a batch ({@link WebhookOutbox#claimDue},
 * {@code FOR UPDATE SKIP LOCKED}, so replicas never send one row at the same time), POSTs each body with
 * {@code X-LabGate-Event}, {@code X-LabGate-Delivery} (the outbox id, for de-duplication at the receiver) and
 * {@code X-LabGate-Signature: sha256=<hex HMAC-SHA256 of the body>}. A 2xx marks the row delivered; anything else
 * (status, timeout, refused connection) counts an attempt and retries after {@code backoff × 2^(attempts-1)},
 * capped, until {@code max-attempts}, then the row is dead. At least once: a row is marked delivered only after a
 * 2xx, and a row whose outcome was never recorded (the replica died) is sent again when its claim lease ends.
 *
 * <p>The job keeps no state of its own besides the HTTP client: everything lives in the outbox table.
 */
@ApplicationScoped
public class WebhookDeliveryJob {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);

    final WebhookOutbox outbox;
    final KeyRing encryption;
    final NotifyConfig config;
    final Clock clock;
    final HttpClient http;

    @Inject
    public WebhookDeliveryJob(WebhookOutbox outbox, KeyRing encryption, NotifyConfig config, Clock clock) {
        this.outbox = outbox;
        this.encryption = encryption;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Scheduled(
            identity = "webhook-delivery",
            every = "${labgate.notify.deliver-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        deliverDue();
    }

    /** One run: claims and sends batches until nothing is due; answers the rows delivered. */
    public int deliverDue() {
        int delivered = 0;
        for (int round = 0; round < 100; round++) {
            List<WebhookOutbox.Claimed> batch = outbox.claimDue(config.batchSize(), now(), config.claimLease());
            if (batch.isEmpty()) {
                break;
            }
            for (WebhookOutbox.Claimed row : batch) {
                if (send(row)) {
                    delivered++;
                }
            }
        }
        return delivered;
    }

    private boolean send(WebhookOutbox.Claimed row) {
        Integer status = null;
        String error;
        try {
            String secret = encryption
                    .version(row.keyVersion())
                    .open(row.secretCiphertext(), WebhookSubscription.aad(row.subscriptionId()));
            byte[] body = row.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(row.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "LabGate-Webhooks/1")
                    .header("X-LabGate-Event", row.eventType())
                    .header("X-LabGate-Delivery", row.id().toString())
                    .header("X-LabGate-Signature", WebhookSignature.of(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                outbox.delivered(row.id(), status, now());
                return true;
            }
            error = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int attempts = row.attempts() + 1;
        boolean dead = attempts >= config.maxAttempts();
        Instant now = now();
        outbox.failed(row.id(), status, error, now, now.plus(backoff(attempts)), dead);
        if (dead) {
            LOG.warnf(
                    "webhook delivery %s to subscription %s is dead after %d attempts: %s",
                    row.id(), row.subscriptionId(), attempts, error);
        } else {
            LOG.debugf("webhook delivery %s failed (attempt %d): %s", row.id(), attempts, error);
        }
        return false;
    }

    /** The wait after the n-th failed attempt (n ≥ 1): backoff × 2^(n-1), at most max-backoff. */
    Duration backoff(int attempts) {
        return RetryBackoff.after(config, attempts);
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
