package io.labgate.organization.api;

import java.util.Optional;
import java.util.UUID;

/**
 * The organizations as other features see them: in process, without a tenant check (the caller decides what its
 * own caller may see).
 */
public interface Organizations {

    /** Any organization by id. */
    Optional<OrganizationSummary> find(UUID id);

    /** An organization's status alone, read with one short statement (the data path asks on every request). */
    Optional<OrganizationStatus> statusOf(UUID id);

    /**
     * Refuses an organization that is not registered, not ACTIVE, or not of the expected kind.
     *
     * @throws OrganizationNotUsable (422) naming what is wrong
     */
    void requireActive(UUID id, OrganizationKind kind);
}
