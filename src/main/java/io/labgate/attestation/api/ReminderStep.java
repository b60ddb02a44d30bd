package io.labgate.attestation.api;

/** The reminders of an open destruction attestation; each is sent at most once per attestation. */
public enum ReminderStep {
    /** Within {@code labgate.attestation.remind-before} of the due time, while it is not yet due. */
    BEFORE,
    /** The due time has passed and nothing accepted or awaiting review was submitted. */
    OVERDUE
}
