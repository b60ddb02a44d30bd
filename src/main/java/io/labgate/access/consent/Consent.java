package io.labgate.access.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One provider's consent to one request's use of one of its datasets. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "dataset_id")
    public UUID datasetId;

    @Column(name = "provider_org_id")
    public UUID providerOrgId;

    @Enumerated(EnumType.STRING)
    public ConsentDecision decision;

    public String reason;

    /** True when LabGate answered for the provider (its exclusion list named the AI company). */
    public boolean automatic;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
