package io.labgate.reference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The list of AI technologies. */
@ApplicationScoped
public class AiTechnologyService extends ReferenceDataService<AiTechnology> {

    @Inject
    AiTechnologyRepository technologies;

    @Override
    protected PanacheRepositoryBase<AiTechnology, String> repository() {
        return technologies;
    }

    @Override
    protected AiTechnology newEntry() {
        return new AiTechnology();
    }

    @Override
    protected String noun() {
        return "AI technology";
    }

    @Override
    protected String primaryKeyConstraint() {
        return "ai_technology_pkey";
    }
}
