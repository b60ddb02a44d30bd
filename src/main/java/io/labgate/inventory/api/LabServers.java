package io.labgate.inventory.api;

import java.util.Optional;
import java.util.UUID;

/** The lab servers as other features see them: in process, no tenant check (the inventory is not per tenant). */
public interface LabServers {

    /** A server by id. */
    Optional<ServerInfo> find(UUID id);

    /**
     * A server by id, locked FOR SHARE until the caller's transaction ends: concurrent bookings do not wait for each
     * other, but retiring the server (FOR UPDATE) waits for the booking and then sees it. Needs a transaction.
     */
    Optional<ServerInfo> findSharedLock(UUID id);
}
