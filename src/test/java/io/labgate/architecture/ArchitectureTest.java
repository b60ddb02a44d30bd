package io.labgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LabGate's layers as the build enforces them (see docs/architecture.md): platform, each feature's {@code api},
 * feature internals. Production classes only; tests may reach into any feature.
 */
class ArchitectureTest {

    private static final FeatureRules RULES = new FeatureRules("io.labgate", FeatureRules.ENTITY_OR_REPOSITORY);
    private static JavaClasses classes;

    @BeforeAll
    static void importLabGate() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.labgate");
    }

    @Test
    void shouldHaveNoCyclesBetweenFeatures() {
        RULES.noCyclesBetweenFeatures().check(classes);
    }

    @Test
    void shouldLetFeaturesMeetOnlyThroughTheirApi() {
        RULES.featuresMeetOnlyThroughTheirApi().check(classes);
    }

    @Test
    void shouldLetNothingDependOnTheReadModels() {
        RULES.nothingDependsOnReadModels().check(classes);
    }

    @Test
    void shouldKeepEntitiesAndRepositoriesInTheirFeature() {
        RULES.entitiesAndRepositoriesStayInTheirFeature().check(classes);
    }

    @Test
    void shouldUseTheEntityManagerOnlyWhereTablesAreOwned() {
        RULES.entityManagerOnlyWhereTablesAreOwned(featuresWithEntities()).check(classes);
    }

    @Test
    void shouldKeepHttpOutOfTheApis() {
        RULES.apisAreNotHttp().check(classes);
    }

    @Test
    void shouldSeeTheFeaturesTheArchitecturePageNames() {
        Set<String> features = new TreeSet<>();
        for (JavaClass c : classes) {
            RULES.feature(c).ifPresent(features::add);
        }
        // docs/architecture.md draws exactly these; a new top-level package needs its place there too
        assertThat(features)
                .containsExactlyInAnyOrder(
                        "access",
                        "attestation",
                        "booking",
                        "catalogue",
                        "delivery",
                        "demo",
                        "export",
                        "gateway",
                        "inventory",
                        "notify",
                        "organization",
                        "platform",
                        "policy",
                        "reference",
                        "report",
                        "usage");
    }

    private static Set<String> featuresWithEntities() {
        // delivery owns rate_limit_bucket (the request rate shared by the replicas), written by SQL only
        Set<String> owners = new TreeSet<>(Set.of("delivery"));
        for (JavaClass c : classes) {
            if (c.isAnnotatedWith(Entity.class)) {
                RULES.feature(c).ifPresent(owners::add);
            }
        }
        return owners;
    }
}
