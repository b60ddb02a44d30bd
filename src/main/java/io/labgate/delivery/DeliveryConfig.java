package io.labgate.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Limits of the data-access paths (object listing, presigned links, streamed downloads, the S3 endpoint). The
 * request rate is shared by every replica (a token bucket per organization in PostgreSQL); the concurrent-download
 * limit is kept in memory <em>per replica</em>. Give every replica the same values.
 */
@ConfigMapping(prefix = "labgate.delivery")
public interface DeliveryConfig {

    /**
     * Data requests per second one organization may make, on average, across all replicas together (a token
     * bucket in PostgreSQL refilled at this rate).
     */
    @WithDefault("50")
    double requestsPerSecond();

    /** Data requests one organization may make at once above that rate: the size of its shared token bucket. */
    @WithDefault("100")
    int burst();

    /**
     * Downloads (streamed objects, S3 GetObject) one organization may have running at once <em>on one
     * replica</em>: with n replicas up to n times this.
     */
    @WithDefault("8")
    int maxConcurrentStreams();

    /**
     * How often a running download checks again that its grant is still usable; a revocation or the grant's end
     * stops a long transfer within this time.
     */
    @WithDefault("5s")
    Duration recheckEvery();
}
