package io.labgate.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** One event for one webhook subscription, and how its delivery went. */
@Entity
@Table(name = "notification_outbox")
public class WebhookOutboxEntry extends OutboxRow {

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "last_status")
    public Integer lastStatus;
}
