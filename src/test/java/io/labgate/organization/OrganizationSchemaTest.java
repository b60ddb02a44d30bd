package io.labgate.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.platform.error.DatabaseConstraints;
import io.labgate.testing.BusinessRegistrationNumbers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The database keeps the organization rules even when a write does not come through the service. */
@QuarkusTest
class OrganizationSchemaTest {

    @Inject
    EntityManager em;

    @Test
    void databaseCheckDigitRuleAgreesWithJava() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String valid : new String[] {"2208162517", "1248100998", "3141592650", "9999999997"}) {
                assertThat(validInDatabase(valid)).as(valid).isTrue();
            }
            for (int i = 0; i < 200; i++) {
                String valid = BusinessRegistrationNumbers.random();
                String wrong = BusinessRegistrationNumbers.randomWithWrongCheckDigit();
                assertThat(validInDatabase(valid)).as(valid).isTrue();
                assertThat(validInDatabase(wrong)).as(wrong).isFalse();
            }
            assertThat(validInDatabase("220-81-62517")).isFalse();
            assertThat(validInDatabase("220816251")).isFalse();
        });
    }

    @Test
    void databaseRefusesAWrongCheckDigitAndASuspensionWithoutReason() {
        assertThatThrownBy(() -> insert(BusinessRegistrationNumbers.randomWithWrongCheckDigit(), "ACTIVE", null))
                .satisfies(e -> assertThat(
                                DatabaseConstraints.violated(e, "organization_business_registration_number_valid"))
                        .isTrue());
        assertThatThrownBy(() -> insert(BusinessRegistrationNumbers.random(), "SUSPENDED", null))
                .satisfies(e -> assertThat(DatabaseConstraints.violated(e, "organization_suspension_has_reason"))
                        .isTrue());
        insert(BusinessRegistrationNumbers.random(), "SUSPENDED", "inserted by OrganizationSchemaTest");
    }

    private boolean validInDatabase(String brn) {
        return (Boolean) em.createNativeQuery("SELECT is_valid_business_registration_number(:brn)")
                .setParameter("brn", brn)
                .getSingleResult();
    }

    private void insert(String brn, String status, String reason) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                INSERT INTO organization (id, kind, name, business_registration_number, status, status_reason,
                    status_changed_at, contact_email, contact_name, created_at, updated_at)
                VALUES (:id, 'AI_COMPANY', 'Schema test', :brn, :status, CAST(:reason AS varchar), now(),
                    'schema@test.example', 'Schema test', now(), now())
                """)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("brn", brn)
                        .setParameter("status", status)
                        .setParameter("reason", reason)
                        .executeUpdate());
    }
}
