package io.labgate.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What every outbox row has, webhook ({@link WebhookOutboxEntry}) or mail ({@link EmailEntry}): the event, its payload and
 * how its delivery went. Rows are written and claimed by native SQL; the entities only read them.
 */
@MappedSuperclass
public abstract class OutboxRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_error")
    public String lastError;

    public boolean dead;
}
