package io.labgate.access.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One status change of a request: who moved it, from what to what, and why. Append-only. */
@Entity
@Table(name = "request_transition")
public class RequestTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order, given by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "request_id")
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RequestStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public RequestStatus toStatus;

    public String actor;

    public String reason;

    public Instant at;
}
