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

/** One mail to one address, and how its delivery went (V16). Written and claimed by native SQL; read here. */
@Entity
@Table(name = "email_outbox")
public class EmailEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    @Column(name = "recipient_kind")
    public String recipientKind;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Column(name = "recipient_name")
    public String recipientName;

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
