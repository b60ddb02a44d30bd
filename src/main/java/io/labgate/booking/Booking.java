package io.labgate.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.SQLRestriction;

/**
 * One lab server reserved for one AI company for a half-open time range {@code [startsAt, endsAt)}.
 *
 * <p>Bookings are the rows of {@code server_reservation} whose kind is {@code BOOKING}; maintenance windows
 * ({@link io.labgate.inventory.server.ServerReservation}) live in the same table on purpose, so that one exclusion
 * constraint ({@value BookingService#NO_OVERLAP}) makes the database refuse any overlap between live bookings and
 * maintenance windows of a server. This entity sees only the booking rows.
 */
@Entity
@Table(name = "server_reservation")
@SQLRestriction("kind = 'BOOKING'")
public class Booking extends PanacheEntityBase {

    static final String KIND = "BOOKING";

    @Id
    public UUID id;

    @Column(name = "server_id", updatable = false)
    public UUID serverId;

    /** Always {@value #KIND}; mapped so that inserts write it. */
    @Column(name = "kind", updatable = false)
    public String kind = KIND;

    @Column(name = "organization_id", updatable = false)
    public UUID organizationId;

    @Column(name = "starts_at", updatable = false)
    public Instant startsAt;

    @Column(name = "ends_at", updatable = false)
    public Instant endsAt;

    public String purpose;

    @Column(name = "access_request_id", updatable = false)
    public UUID accessRequestId;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    public boolean isLive() {
        return cancelledAt == null;
    }
}
