package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An address that keeps failing verification is throttled for the rest of its minute, and only that address. */
class UnverifiedSourcesTest {

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:10Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldThrottleAnAddressPastItsLimitUntilTheMinuteEnds() {
        MovableClock clock = new MovableClock();
        UnverifiedSources sources = new UnverifiedSources(3, clock);
        for (int i = 0; i < 2; i++) {
            sources.failed("10.0.0.1");
        }
        assertThat(sources.throttled("10.0.0.1")).isFalse();
        sources.failed("10.0.0.1");
        assertThat(sources.throttled("10.0.0.1")).isTrue();
        assertThat(sources.throttled("10.0.0.2")).as("another address").isFalse();
        assertThat(sources.secondsLeft()).isEqualTo(50);

        clock.now = Instant.parse("2026-12-06T10:01:00Z");
        assertThat(sources.throttled("10.0.0.1")).as("a new minute").isFalse();
        sources.failed("10.0.0.1");
        assertThat(sources.throttled("10.0.0.1")).isFalse();
    }

    @Test
    void shouldTreatAnUnknownAddressAsOneSource() {
        UnverifiedSources sources = new UnverifiedSources(1, new MovableClock());
        sources.failed(null);
        assertThat(sources.throttled(null)).isTrue();
    }
}
