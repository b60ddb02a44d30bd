package io.labgate.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A processed dataset of the catalogue: one industry, one AI technology, its providers and its policy. */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    public String title;

    public String description;

    @Column(name = "industry_code")
    public String industryCode;

    @Column(name = "ai_technology_code")
    public String aiTechnologyCode;

    @Column(name = "security_policy_id")
    public UUID securityPolicyId;

    /** Names of {@link UseCondition}s, in enum order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "use_conditions")
    public List<String> useConditions;

    /** Ids of the DATA_PROVIDER organizations whose data this is. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dataset_provider", joinColumns = @JoinColumn(name = "dataset_id"))
    @Column(name = "organization_id")
    public Set<UUID> providerIds = new HashSet<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
