package io.labgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.testing.PublishedDatasets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rate tokens are taken from the shared bucket in leases: one statement serves several requests, and the
 * organization still never gets more than its bucket holds.
 */
@QuarkusTest
class RateLeaseTest {

    @Inject
    DeliveryLimiter limiter;

    @Test
    void shouldTakeTokensInLeasesAndNeverGrantMoreThanTheBucket() throws Exception {
        DeliveryLimiter.Limits before = limiter.limits();
        // a bucket of 20 that barely refills: leases of 5
        DeliveryLimiter.Limits tight = new DeliveryLimiter.Limits(0.01, 20, 8);
        assertThat(DeliveryLimiter.leaseSize(tight)).isEqualTo(5);
        limiter.setLimits(tight);
        try {
            UUID organization = UUID.randomUUID();
            assertThat(limiter.tryRequest(organization)).isZero();
            assertThat(tokensInBucket(organization))
                    .as("one request took a lease of five")
                    .isBetween(15.0, 15.1);
            int granted = 1;
            for (int i = 0; i < 29; i++) {
                if (limiter.tryRequest(organization) == 0) {
                    granted++;
                }
            }
            assertThat(granted).as("requests granted of 30").isEqualTo(20);
            assertThat(limiter.tryRequest(organization)).as("then a wait").isPositive();
        } finally {
            limiter.setLimits(before);
        }
    }

    @Test
    void shouldKeepOneTokenPerStatementForSmallBuckets() {
        assertThat(DeliveryLimiter.leaseSize(new DeliveryLimiter.Limits(5, 5, 8)))
                .isEqualTo(1);
        assertThat(DeliveryLimiter.leaseSize(new DeliveryLimiter.Limits(50, 100, 8)))
                .isEqualTo(20);
        assertThat(DeliveryLimiter.leaseSize(new DeliveryLimiter.Limits(1e6, 1_000_000, 8)))
                .isEqualTo(20);
    }

    private static double tokensInBucket(UUID organization) throws Exception {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st =
                        db.prepareStatement("SELECT tokens FROM rate_limit_bucket WHERE organization_id = ?")) {
            st.setObject(1, organization);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }
}
