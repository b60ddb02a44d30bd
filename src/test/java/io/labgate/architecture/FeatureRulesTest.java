package io.labgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.labgate.architecture.sample.SamplePersistent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each feature rule fails on the sample package's deliberate violation, and names it. */
class FeatureRulesTest {

    private static final String SAMPLE = "io.labgate.architecture.sample";
    private static final FeatureRules RULES = new FeatureRules(SAMPLE, c -> c.isAnnotatedWith(SamplePersistent.class));
    private static final JavaClasses SAMPLE_CLASSES = new ClassFileImporter().importPackages(SAMPLE);

    @Test
    void shouldFindTheCycleBetweenAlphaAndBeta() {
        assertThat(violations(RULES.noCyclesBetweenFeatures()))
                .contains("alpha")
                .contains("beta");
    }

    @Test
    void shouldFindAFeatureUsingAnotherFeaturesInternals() {
        String report = violations(RULES.featuresMeetOnlyThroughTheirApi());
        assertThat(report).contains("BetaService").contains("AlphaInternal");
        assertThat(report).as("platform depends on no feature").contains("UsesAFeature");
        assertThat(report).as("an api is allowed").doesNotContain("BetaService.api");
    }

    @Test
    void shouldFindAnEntityUsedOutsideItsFeature() {
        assertThat(violations(RULES.entitiesAndRepositoriesStayInTheirFeature()))
                .contains("BetaService")
                .contains("AlphaEntity");
    }

    @Test
    void shouldFindAnEntityManagerInAFeatureWithoutTables() {
        assertThat(violations(RULES.entityManagerOnlyWhereTablesAreOwned(Set.of("alpha"))))
                .contains("BetaService")
                .contains("EntityManager");
    }

    @Test
    void shouldFindHttpInAnApi() {
        assertThat(violations(RULES.apisAreNotHttp())).contains("HttpInApi").contains("jakarta.ws.rs");
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(SAMPLE_CLASSES);
        assertThat(result.hasViolation())
                .as("%s must fail on the sample", rule.getDescription())
                .isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
