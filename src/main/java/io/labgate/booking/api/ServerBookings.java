package io.labgate.booking.api;

import java.time.Instant;
import java.util.UUID;

/** Booking lab servers from another feature (an approved access request books the slots it asked for). */
public interface ServerBookings {

    /**
     * Books a server for an organization, in the caller's transaction.
     *
     * @return the booking's id
     * @throws io.labgate.platform.error.ApiException 422 for an unknown server or organization, 409 when the server
     *     is taken, retired or in maintenance for that time
     */
    UUID book(UUID serverId, UUID organizationId, Instant from, Instant until, String purpose, UUID accessRequestId);
}
