package io.labgate.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One verdict on an export: who, as whom, when and why. Never changed (the runtime role may only insert). */
@Entity
@Table(name = "export_review")
public class ExportReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "export_id")
    public UUID exportId;

    public int round;

    public String reviewer;

    @Enumerated(EnumType.STRING)
    @Column(name = "reviewer_role")
    public ReviewerRole reviewerRole;

    /** The provider the reviewer spoke for; null for an operator. */
    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public Verdict verdict;

    public String reason;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
