package io.labgate.attestation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Destruction attestations: how often the jobs look, and when the company is reminded. */
@ConfigMapping(prefix = "labgate.attestation")
public interface AttestationConfig {

    /**
     * How often ended grants get their attestation ({@link AttestationDueJob}), as a scheduler period; {@code off}
     * disables it. Read by the scheduler itself; listed here so the namespace is documented in one place.
     */
    @WithDefault("5m")
    String dueEvery();

    /** How often reminder steps are looked for ({@link AttestationReminderJob}), as a scheduler period, or off. */
    @WithDefault("1h")
    String reminderEvery();

    /** An open attestation due within this time from now gets its BEFORE reminder, once. */
    @WithDefault("P3D")
    Duration remindBefore();
}
