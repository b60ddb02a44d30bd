package io.labgate.reference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The list of industries. */
@ApplicationScoped
public class IndustryService extends ReferenceDataService<Industry> {

    @Inject
    IndustryRepository industries;

    @Override
    protected PanacheRepositoryBase<Industry, String> repository() {
        return industries;
    }

    @Override
    protected Industry newEntry() {
        return new Industry();
    }

    @Override
    protected String noun() {
        return "industry";
    }

    @Override
    protected String primaryKeyConstraint() {
        return "industry_pkey";
    }
}
