package io.labgate.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The lab's time, in one place: its zone and "now" as the database stores it.
 *
 * <p>The zone is fixed, not configured: the report's daily and monthly rollups (migrations V14 and V18) are cut at
 * midnight in it, so a different zone would need those tables rebuilt.
 */
public final class LabTime {

    /** The lab's zone (Korea): report days, attestation dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private LabTime() {}

    /** The clock's instant truncated to microseconds, PostgreSQL's precision, so that what is written reads back equal. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
