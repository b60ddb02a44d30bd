package io.labgate.reference;

import io.labgate.reference.api.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** {@link ReferenceData} for other features. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ReferenceDirectory implements ReferenceData {

    @Inject
    IndustryRepository industries;

    @Inject
    AiTechnologyRepository technologies;

    @Override
    public boolean industryExists(String code) {
        return code != null && industries.findByIdOptional(code).isPresent();
    }

    @Override
    public boolean aiTechnologyExists(String code) {
        return code != null && technologies.findByIdOptional(code).isPresent();
    }
}
