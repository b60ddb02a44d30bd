package io.labgate.access.grant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of a grant, append-only; an extension keeps the old and the new end. */
@Entity
@Table(name = "grant_change")
public class GrantChange extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order, given by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "grant_id")
    public UUID grantId;

    @Enumerated(EnumType.STRING)
    public GrantAction action;

    public String actor;

    public String reason;

    @Column(name = "old_valid_until")
    public Instant oldValidUntil;

    @Column(name = "new_valid_until")
    public Instant newValidUntil;

    public Instant at;
}
