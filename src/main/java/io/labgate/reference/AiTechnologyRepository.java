package io.labgate.reference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AiTechnologyRepository implements PanacheRepositoryBase<AiTechnology, String> {}
