package io.labgate.access.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One dataset version asked for by a request, with the policy version it was checked against. */
@Entity
@Table(name = "access_request_item")
public class AccessRequestItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "dataset_version_id")
    public UUID datasetVersionId;

    @Column(name = "dataset_id")
    public UUID datasetId;

    @Column(name = "policy_id")
    public UUID policyId;
}
