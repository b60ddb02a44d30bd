package io.labgate.reference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IndustryRepository implements PanacheRepositoryBase<Industry, String> {}
