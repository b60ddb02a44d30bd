package io.labgate.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Limits of the data-access paths (object listing, presigned links, streamed downloads, the S3 endpoint). The
 * rate and concurrency limits are kept in memory <em>per replica</em>: with n replicas behind one Service an
 * organization may get up to n times these figures.
 */
@ConfigMapping(prefix = "labgate.delivery")
public interface DeliveryConfig {

    /** Data requests per second one organization may make, on average (a token bucket refilled at this rate). */
    @WithDefault("50")
    double requestsPerSecond();

    /** Data requests one organization may make at once above that rate: the size of its token bucket. */
    @WithDefault("100")
    int burst();

    /** Downloads (streamed objects, S3 GetObject) one organization may have running at once. */
    @WithDefault("8")
    int maxConcurrentStreams();

    /**
     * How often a running download checks again that its grant is still usable; a revocation or the grant's end
     * stops a long transfer within this time.
     */
    @WithDefault("5s")
    Duration recheckEvery();
}
