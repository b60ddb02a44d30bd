package io.labgate.booking.web;

import io.labgate.booking.Booking;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking as the API shows it. {@code accessRequestId} names the access request whose approval made it (null
 * when an operator booked directly); {@code cancelledAt} is set once it is cancelled.
 */
public record BookingResponse(
        UUID id,
        UUID serverId,
        UUID organizationId,
        Instant startsAt,
        Instant endsAt,
        String purpose,
        UUID accessRequestId,
        String createdBy,
        Instant createdAt,
        Instant cancelledAt,
        String cancelledBy) {

    public static BookingResponse from(Booking b) {
        return new BookingResponse(
                b.id,
                b.serverId,
                b.organizationId,
                b.startsAt,
                b.endsAt,
                b.purpose,
                b.accessRequestId,
                b.createdBy,
                b.createdAt,
                b.cancelledAt,
                b.cancelledBy);
    }
}
