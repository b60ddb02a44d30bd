package io.labgate.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.access.api.GrantNotUsable;
import io.labgate.catalogue.api.NotGrantable;
import io.labgate.delivery.api.DeliveryRefused;
import io.labgate.organization.api.OrganizationNotUsable;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every problem carries a fine-grained code beside its coarse type and status. */
class ProblemCodeTest {

    @Test
    void shouldCarryTheFeaturesReasonAsCodeAndTheCoarseErrorAsTypeAndStatus() {
        Problem quota = problem(new DeliveryRefused(DeliveryRefused.Reason.QUOTA_EXCEEDED, "full"));
        assertThat(quota.code()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(quota.type()).isEqualTo("urn:labgate:problem:forbidden");
        assertThat(quota.status()).isEqualTo(403);

        assertThat(problem(new GrantNotUsable("revoked")).code()).isEqualTo("GRANT_NOT_USABLE");
        assertThat(problem(new NotGrantable("draft")).status()).isEqualTo(422);
        assertThat(problem(new NotGrantable("draft")).code()).isEqualTo("VERSION_NOT_GRANTABLE");
        assertThat(problem(new OrganizationNotUsable("suspended")).code()).isEqualTo("ORGANIZATION_NOT_USABLE");
    }

    @Test
    void shouldUseTheCoarseNameWhereNothingFinerApplies() {
        Problem notFound = problem(ApiException.notFound("grant", "g-1"));
        assertThat(notFound.code()).isEqualTo("NOT_FOUND");
        assertThat(notFound.type()).isEqualTo("urn:labgate:problem:not-found");
    }

    @Test
    void shouldNameTypesTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // where "I".toLowerCase() is a dotless i
            assertThat(ErrorCode.IDENTITY_PROVIDER_FAILED.type())
                    .isEqualTo("urn:labgate:problem:identity-provider-failed");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Problem problem(ApiException e) {
        return Problem.of(e.problemCode(), e.getMessage(), "req-1", List.of());
    }
}
