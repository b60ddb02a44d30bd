package io.labgate.inventory.api;

import java.util.Optional;
import java.util.UUID;

/** The lab servers as other features see them: in process, no tenant check (the inventory is not per tenant). */
public interface LabServers {

    /** A server by id. */
    Optional<ServerInfo> find(UUID id);

    /**
     * A server by id, locked until the caller's transaction ends, to reserve time on it: reservations of one server
     * queue behind each other (two concurrent inserts into the exclusion constraint would each wait for the other
     * and end in a deadlock instead of a clean overlap refusal), and retiring the server waits for the reservation
     * and then sees it. Needs a transaction.
     */
    Optional<ServerInfo> lockForReservation(UUID id);
}
