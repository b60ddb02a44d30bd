package io.labgate.booking;

import io.labgate.booking.web.BookingResponse;
import io.labgate.inventory.api.LabServers;
import io.labgate.inventory.api.ServerInfo;
import io.labgate.inventory.api.ServerStatus;
import io.labgate.organization.api.OrganizationKind;
import io.labgate.organization.api.Organizations;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.DatabaseConstraints;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Caller;
import io.labgate.platform.time.LabTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Books lab servers for AI companies and cancels bookings; lists them tenant by tenant and sums booked
 * GPU-hours.
 *
 * <p>No two live bookings of a server, and no booking and maintenance window of a server, overlap. The database
 * decides that ({@value #NO_OVERLAP}), not a check in Java that two concurrent requests could both pass: the
 * loser's insert fails and becomes 409.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class BookingService {

    /** The exclusion constraint of {@code server_reservation} that refuses overlapping live reservations. */
    public static final String NO_OVERLAP = "server_reservation_no_overlap";

    static final Duration MAX_BOOKING = Duration.ofDays(90);
    static final Duration MAX_REPORT_PERIOD = Duration.ofDays(400);

    private static final Map<String, String> SORTABLE =
            Map.of("startsAt", "startsAt", "endsAt", "endsAt", "createdAt", "createdAt");

    @Inject
    BookingRepository bookings;

    @Inject
    LabServers servers;

    @Inject
    Organizations organizations;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /**
     * Books {@code serverId} for {@code organizationId} during {@code [from, until)}, in the caller's
     * transaction (the access workflow calls this when it approves a request, with that request's id). Times are
     * truncated to whole seconds.
     *
     * @param accessRequestId the access request that asked for the server, or null for a direct booking
     * @throws ApiException 400 for a missing or invalid field (named as in {@link BookingRequest}); 422 when the
     *     organization is not an ACTIVE AI company or the server is not registered; 409 when the server is
     *     RETIRED or in MAINTENANCE, or when the period overlaps another booking or a maintenance window of the
     *     server. After a 409 for an overlap the transaction can only roll back.
     */
    public BookingResponse book(
            UUID serverId, UUID organizationId, Instant from, Instant until, String purpose, UUID accessRequestId) {
        Instant startsAt = from == null ? null : from.truncatedTo(ChronoUnit.SECONDS);
        Instant endsAt = until == null ? null : until.truncatedTo(ChronoUnit.SECONDS);
        checkBooking(serverId, organizationId, startsAt, endsAt, purpose);
        organizations.requireActive(organizationId, OrganizationKind.AI_COMPANY);
        // bookings of one server queue on its row; the exclusion constraint then refuses the overlapping ones, and
        // retiring the server waits for this transaction and sees the booking
        ServerInfo server = servers.lockForReservation(serverId)
                .orElseThrow(() ->
                        new ApiException(ErrorCode.UNPROCESSABLE, "lab server " + serverId + " is not registered"));
        if (server.status() == ServerStatus.RETIRED || server.status() == ServerStatus.MAINTENANCE) {
            throw ApiException.conflict(
                    "server " + describe(server) + " is " + server.status() + " and cannot be booked");
        }
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.serverId = serverId;
        booking.organizationId = organizationId;
        booking.startsAt = startsAt;
        booking.endsAt = endsAt;
        booking.purpose = purpose.strip();
        booking.accessRequestId = accessRequestId;
        booking.createdBy = caller.subject();
        booking.createdAt = now();
        try {
            bookings.persistAndFlush(booking);
        } catch (PersistenceException e) {
            if (DatabaseConstraints.violated(e, NO_OVERLAP)) {
                throw ApiException.conflict("server " + describe(server) + " is already booked or under "
                        + "maintenance during part of " + startsAt + " – " + endsAt);
            }
            throw e;
        }
        return BookingResponse.from(booking);
    }

    /**
     * Cancels a live booking: it stays readable, with {@code cancelledAt}, and frees its time.
     *
     * @throws ApiException 404 when there is no such booking; 409 when it is cancelled already
     */
    public BookingResponse cancel(UUID id) {
        Booking booking = bookings.findForUpdate(id).orElseThrow(() -> ApiException.notFound("booking", id));
        if (!booking.isLive()) {
            throw ApiException.conflict("booking " + id + " was already cancelled at " + booking.cancelledAt);
        }
        booking.cancelledAt = now();
        booking.cancelledBy = caller.subject();
        bookings.flush();
        return BookingResponse.from(booking);
    }

    /** A booking the caller may see; another organization's booking answers 404, as if it did not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingResponse get(UUID id) {
        return bookings.findByIdOptional(id)
                .filter(b -> caller.maySee(b.organizationId))
                .map(BookingResponse::from)
                .orElseThrow(() -> ApiException.notFound("booking", id));
    }

    /**
     * Bookings that match {@code criteria}: operators and auditors see every organization's, anyone else only
     * their own organization's (an {@code organizationId} of another organization then matches nothing).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<BookingResponse> list(BookingRepository.Criteria criteria, PageQuery page) {
        if (criteria.from() != null && criteria.to() != null && !criteria.to().isAfter(criteria.from())) {
            throw ApiException.invalid("to", "must be after from");
        }
        BookingRepository.Criteria visible = criteria;
        if (!caller.seesAllTenants()) {
            Optional<UUID> own = caller.organizationId();
            if (own.isEmpty()
                    || criteria.organizationId() != null
                            && !criteria.organizationId().equals(own.get())) {
                return PageResponse.of(bookings.find("1 = 0"), page, BookingResponse::from);
            }
            visible = new BookingRepository.Criteria(
                    criteria.serverId(), own.get(), criteria.from(), criteria.to(), criteria.includeCancelled());
        }
        return PageResponse.of(
                bookings.findMatching(visible, page.toSort(SORTABLE, "startsAt")), page, BookingResponse::from);
    }

    /**
     * Booked GPU-hours per organization in {@code [from, to)}. Operators and auditors get every organization
     * (or the one named); anyone else only their own organization's row.
     *
     * @throws ApiException 400 unless both ends are given, {@code to} is after {@code from} and the period is
     *     at most 400 days
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GpuHoursReport gpuHours(Instant from, Instant to, UUID organizationId) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (from == null) {
            violations.add(new Problem.Violation("from", "is required"));
        }
        if (to == null) {
            violations.add(new Problem.Violation("to", "is required"));
        }
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                violations.add(new Problem.Violation("to", "must be after from"));
            } else if (Duration.between(from, to).compareTo(MAX_REPORT_PERIOD) > 0) {
                violations.add(new Problem.Violation(
                        "to", "the period lasts at most " + MAX_REPORT_PERIOD.toDays() + " days"));
            }
        }
        failIfAny(violations);
        UUID organization = organizationId;
        if (!caller.seesAllTenants()) {
            Optional<UUID> own = caller.organizationId();
            if (own.isEmpty() || organizationId != null && !organizationId.equals(own.get())) {
                return new GpuHoursReport(from, to, List.of());
            }
            organization = own.get();
        }
        return new GpuHoursReport(from, to, bookings.gpuHours(from, to, organization));
    }

    private void checkBooking(UUID serverId, UUID organizationId, Instant startsAt, Instant endsAt, String purpose) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (serverId == null) {
            violations.add(new Problem.Violation("serverId", "must not be null"));
        }
        if (organizationId == null) {
            violations.add(new Problem.Violation("organizationId", "must not be null"));
        }
        if (startsAt == null) {
            violations.add(new Problem.Violation("startsAt", "must not be null"));
        }
        if (endsAt == null) {
            violations.add(new Problem.Violation("endsAt", "must not be null"));
        }
        if (purpose == null || purpose.isBlank()) {
            violations.add(new Problem.Violation("purpose", "must not be blank"));
        } else if (purpose.strip().length() > 500) {
            violations.add(new Problem.Violation("purpose", "size must be between 0 and 500"));
        }
        if (startsAt != null && endsAt != null) {
            if (!endsAt.isAfter(startsAt)) {
                violations.add(new Problem.Violation("endsAt", "must be after startsAt"));
            } else if (!endsAt.isAfter(now())) {
                violations.add(new Problem.Violation("endsAt", "must be in the future"));
            } else if (Duration.between(startsAt, endsAt).compareTo(MAX_BOOKING) > 0) {
                violations.add(
                        new Problem.Violation("endsAt", "a booking lasts at most " + MAX_BOOKING.toDays() + " days"));
            }
        }
        failIfAny(violations);
    }

    private static void failIfAny(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, Problem.summary(violations), violations);
        }
    }

    private static String describe(ServerInfo server) {
        return server.hostname() + " (" + server.id() + ")";
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
