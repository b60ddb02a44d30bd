package io.labgate.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One event for one subscription, and how its delivery went. Written and claimed by native SQL. */
@Entity
@Table(name = "notification_outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

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

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    public boolean dead;
}
