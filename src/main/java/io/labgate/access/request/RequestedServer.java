package io.labgate.access.request;

import io.labgate.access.web.AccessRequestResponse;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A server slot an access request asks for, and the booking its approval made. */
@Entity
@Table(name = "access_request_server")
public class RequestedServer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "server_id")
    public UUID serverId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "booking_id")
    public UUID bookingId;

    public AccessRequestResponse.Server view() {
        return new AccessRequestResponse.Server(serverId, startsAt, endsAt, bookingId);
    }
}
