package io.labgate.booking;

import io.labgate.booking.api.ServerBookings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** {@link ServerBookings} for other features: the same rules as a booking made over HTTP. */
@ApplicationScoped
class BookingLedger implements ServerBookings {

    @Inject
    BookingService service;

    @Override
    public UUID book(
            UUID serverId, UUID organizationId, Instant from, Instant until, String purpose, UUID accessRequestId) {
        return service.book(serverId, organizationId, from, until, purpose, accessRequestId)
                .id();
    }
}
