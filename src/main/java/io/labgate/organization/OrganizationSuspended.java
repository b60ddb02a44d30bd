package io.labgate.organization;

import java.util.UUID;

/**
 * CDI event: an organization became SUSPENDED. Fired inside the transaction that suspends it; observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once the change is committed.
 */
public record OrganizationSuspended(UUID id) {}
