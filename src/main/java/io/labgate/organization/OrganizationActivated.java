package io.labgate.organization;

import java.util.UUID;

/**
 * CDI event: an organization became ACTIVE. Fired inside the transaction that activates it; observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once the change is committed (for
 * example to provision the organization's Keycloak group).
 */
public record OrganizationActivated(UUID id) {}
