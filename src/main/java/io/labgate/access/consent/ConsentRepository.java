package io.labgate.access.consent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    public List<Consent> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by datasetId, providerOrgId", requestId);
    }

    public Optional<Consent> find(UUID requestId, UUID datasetId, UUID providerOrgId) {
        return find("requestId = ?1 and datasetId = ?2 and providerOrgId = ?3", requestId, datasetId, providerOrgId)
                .firstResultOptional();
    }

    public boolean hasConsentRow(UUID requestId, UUID providerOrgId) {
        return count("requestId = ?1 and providerOrgId = ?2", requestId, providerOrgId) > 0;
    }

    // --- exclusions ---

    public Optional<ProviderExclusion> exclusion(UUID providerOrgId, UUID excludedOrgId) {
        return Optional.ofNullable(getEntityManager()
                .find(ProviderExclusion.class, new ProviderExclusion.Key(providerOrgId, excludedOrgId)));
    }

    public List<ProviderExclusion> exclusionsOf(UUID providerOrgId) {
        return getEntityManager()
                .createQuery(
                        "select e from ProviderExclusion e where e.key.providerOrgId = :p "
                                + "order by e.createdAt, e.key.excludedOrgId",
                        ProviderExclusion.class)
                .setParameter("p", providerOrgId)
                .getResultList();
    }

    public void persistExclusion(ProviderExclusion exclusion) {
        getEntityManager().persist(exclusion);
    }

    public void deleteExclusion(ProviderExclusion exclusion) {
        getEntityManager().remove(exclusion);
    }
}
