package io.labgate.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** One mail to one address, and how its delivery went (V16). */
@Entity
@Table(name = "email_outbox")
public class EmailEntry extends OutboxRow {

    @Column(name = "recipient_kind")
    public String recipientKind;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Column(name = "recipient_name")
    public String recipientName;
}
