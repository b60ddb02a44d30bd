package io.labgate.reference;

import io.labgate.reference.api.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** {@link ReferenceData} for other features, through the lists' own lookups. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ReferenceDirectory implements ReferenceData {

    @Inject
    IndustryService industries;

    @Inject
    AiTechnologyService technologies;

    @Override
    public boolean industryExists(String code) {
        return code != null && industries.find(code).isPresent();
    }

    @Override
    public boolean aiTechnologyExists(String code) {
        return code != null && technologies.find(code).isPresent();
    }
}
