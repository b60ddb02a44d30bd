package io.labgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * LabGate's package rules, for a root package: {@code <root>.platform} holds shared machinery, every other
 * top-level package is a feature, and a feature's {@code api} subpackage is all that other features may use.
 * {@link ArchitectureTest} applies them to LabGate; {@link FeatureRulesTest} shows that each fails on a violation.
 *
 * <p>The read models are exempt from the feature rules: {@code report} reads every table by SQL (the operation
 * report joins them all), and {@code demo} seeds the embedded default through each feature's services as an
 * operator would. Nothing may depend on either.
 */
final class FeatureRules {

    static final String PLATFORM = "platform";
    static final Set<String> READ_MODELS = Set.of("report", "demo");

    /** What LabGate persists: JPA entities and Panache repositories. */
    static final Predicate<JavaClass> ENTITY_OR_REPOSITORY =
            c -> c.isAnnotatedWith(Entity.class) || c.isAssignableTo(PanacheRepositoryBase.class);

    private final String root;
    private final Predicate<JavaClass> persistent;

    /**
     * @param persistent what counts as an entity or a repository (the sample marks its own: a real {@code @Entity}
     *     among the test classes would become part of the application under test)
     */
    FeatureRules(String root, Predicate<JavaClass> persistent) {
        this.root = root;
        this.persistent = persistent;
    }

    /** 1. No cycles between the top-level slices (features and platform). */
    ArchRule noCyclesBetweenFeatures() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** 2a. A feature uses another feature only through its {@code api}; platform uses no feature. */
    ArchRule featuresMeetOnlyThroughTheirApi() {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use other features only through their api package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> from = feature(origin);
                        if (from.isEmpty() || READ_MODELS.contains(from.get())) {
                            return;
                        }
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            Optional<String> to = feature(target);
                            if (to.isEmpty() || to.equals(from) || to.get().equals(PLATFORM)) {
                                continue;
                            }
                            boolean allowed = !from.get().equals(PLATFORM) && inApi(target, to.get());
                            if (!allowed) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                });
    }

    /** 2b. Nothing depends on a read model (report, demo). */
    ArchRule nothingDependsOnReadModels() {
        String[] readModels =
                READ_MODELS.stream().map(m -> root + "." + m + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideOutsideOfPackages(readModels)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(readModels)
                .allowEmptyShould(true);
    }

    /** 3a. Entities and repositories are used only inside the feature that declares them. */
    ArchRule entitiesAndRepositoriesStayInTheirFeature() {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use entities and repositories of their own feature only") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> from = feature(origin);
                        if (from.isPresent() && READ_MODELS.contains(from.get())) {
                            return;
                        }
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            if (persistent.test(target)
                                    && feature(target).isPresent()
                                    && !feature(target).equals(from)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                });
    }

    /** 3b. The EntityManager is used only by platform and by features that own tables (declare an entity). */
    ArchRule entityManagerOnlyWhereTablesAreOwned(Set<String> featuresWithEntities) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use the EntityManager only in a feature that owns tables") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> from = feature(origin);
                        if (from.isEmpty()
                                || from.get().equals(PLATFORM)
                                || READ_MODELS.contains(from.get())
                                || featuresWithEntities.contains(from.get())) {
                            return;
                        }
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            if (d.getTargetClass().isEquivalentTo(EntityManager.class)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                });
    }

    /** 4. The contracts between features are not HTTP: no {@code api} package uses JAX-RS. */
    ArchRule apisAreNotHttp() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".*.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..");
    }

    /** The top-level package under the root that a class lives in ("platform" or a feature), if any. */
    Optional<String> feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private boolean inApi(JavaClass c, String feature) {
        String api = root + "." + feature + ".api";
        return c.getPackageName().equals(api) || c.getPackageName().startsWith(api + ".");
    }
}
