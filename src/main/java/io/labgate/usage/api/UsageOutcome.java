package io.labgate.usage.api;

/** How the recorded action ended. */
public enum UsageOutcome {
    SUCCESS,
    /** LabGate refused it; {@code reason} says why. */
    REFUSED,
    /** It was allowed but failed (the object store failed, the client went away, ...). */
    FAILED
}
