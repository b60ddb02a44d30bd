package io.labgate.inventory.server;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A span of a server's time that is taken; live reservations of one server never overlap (database rule). */
@Entity
@Table(name = "server_reservation")
public class ServerReservation extends PanacheEntityBase {

    /** Why the time is taken. */
    public enum Kind {
        MAINTENANCE,
        BOOKING
    }

    @Id
    public UUID id;

    @Column(name = "server_id")
    public UUID serverId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String reason;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
