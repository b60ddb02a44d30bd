package io.labgate.usage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A committed usage event, for reading only: {@link UsageLogWriter} writes them, the database refuses changes. */
@Entity
@Immutable
@Table(name = "usage_event")
public class UsageEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    public long seq;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "organization_id")
    public UUID organizationId;

    public String subject;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "dataset_version_id")
    public UUID datasetVersionId;

    public String action;

    @Column(name = "object_key")
    public String objectKey;

    public Long bytes;

    @Column(name = "client_address")
    public String clientAddress;

    public String outcome;

    public String reason;

    @Column(name = "request_id")
    public String requestId;

    /** The id the client offered for the request (X-Request-Id), apart from LabGate's own (V24). */
    @Column(name = "client_request_id")
    public String clientRequestId;

    /** 1, or how many identical events of one minute this one stands for (V20). */
    public int occurrences;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}
