/**
 * Server bookings: one lab server reserved for one AI company for a half-open period {@code [startsAt, endsAt)}.
 *
 * <p>Design choices, in short:
 * <ul>
 *   <li>A booking is a row of {@code server_reservation} of kind {@code BOOKING}, the table that also holds
 *       maintenance windows, so that one exclusion constraint ({@code server_reservation_no_overlap}) makes
 *       PostgreSQL refuse any overlap of live bookings and maintenance windows of a server. There is no overlap
 *       check in Java: of concurrent requests for the same time, the database lets exactly one through and the
 *       others answer 409. Back-to-back periods do not overlap.</li>
 *   <li>{@link io.labgate.booking.api.ServerBookings#book} is the entry point for the access workflow, which books
 *       in its own transaction on approval and passes its request id ({@code accessRequestId}). Over HTTP only
 *       operators book directly.</li>
 *   <li>Booking (and scheduling maintenance) locks the server row first, so reservations of one server queue:
 *       two concurrent inserts into an exclusion constraint would each wait for the other and one of them would
 *       fail with a deadlock instead of the overlap refusal. Retiring the server takes the same lock, so a server
 *       cannot be retired while a booking of it is being made and then end up retired with a live booking.</li>
 *   <li>A server referenced in a booking request that is not registered answers 422, like an organization that
 *       is not an ACTIVE AI company; a RETIRED or MAINTENANCE server answers 409.</li>
 *   <li>Cancelling keeps the row (with {@code cancelledAt}, {@code cancelledBy}); cancelling again answers 409,
 *       not 404, because the booking still exists and can be read.</li>
 *   <li>GPU-hours are computed by the database from live bookings: the overlap of each booking with the period
 *       in hours times the GPU count of its server, rounded to six decimals.</li>
 * </ul>
 */
package io.labgate.booking;
