package io.labgate.notify;

import java.time.Duration;

/** The wait after a failed delivery attempt, shared by the webhook and the email outbox. */
final class RetryBackoff {

    private RetryBackoff() {}

    /** The wait after the n-th failed attempt (n ≥ 1): backoff × 2^(n-1), at most max-backoff. */
    static Duration after(NotifyConfig config, int attempts) {
        Duration wait = config.backoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
