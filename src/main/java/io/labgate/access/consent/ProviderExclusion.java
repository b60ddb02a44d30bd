package io.labgate.access.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A provider's standing refusal of one AI company (typically a competitor). */
@Entity
@Table(name = "provider_exclusion")
public class ProviderExclusion extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String reason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Provider and excluded AI company. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "provider_org_id")
        public UUID providerOrgId;

        @Column(name = "excluded_org_id")
        public UUID excludedOrgId;

        protected Key() {}

        public Key(UUID providerOrgId, UUID excludedOrgId) {
            this.providerOrgId = providerOrgId;
            this.excludedOrgId = excludedOrgId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(providerOrgId, k.providerOrgId)
                    && Objects.equals(excludedOrgId, k.excludedOrgId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(providerOrgId, excludedOrgId);
        }
    }
}
