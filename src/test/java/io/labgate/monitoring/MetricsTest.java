package io.labgate.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The business metrics move when the lab does what they count, as Prometheus would scrape them. */
@QuarkusTest
class MetricsTest {

    private static final Duration REFRESH = Duration.ofSeconds(15);

    @Inject
    DemoOrganizations demo;

    @Test
    void accessWorkflowDeliveryAndStorageAreCounted() {
        Scrape before = Scrape.now();

        Approved grant = LabActivity.grant(demo);
        String industry = LabActivity.industry(grant);
        LabActivity.stream(grant);
        LabActivity.link(grant);
        LabActivity.refusal(grant);

        Scrape after = Scrape.now();
        assertThat(after.value("labgate_access_requests_total", "outcome=\"submitted\""))
                .isGreaterThanOrEqualTo(before.value("labgate_access_requests_total", "outcome=\"submitted\"") + 1);
        assertThat(after.value("labgate_access_requests_total", "outcome=\"approved\""))
                .isGreaterThanOrEqualTo(before.value("labgate_access_requests_total", "outcome=\"approved\"") + 1);
        assertThat(after.has("labgate_access_requests_total", "outcome=\"rejected\""))
                .isTrue();
        assertThat(after.has("labgate_access_requests_total", "outcome=\"withdrawn\""))
                .isTrue();

        assertThat(after.value("labgate_served_bytes_total", "path=\"STREAM\""))
                .isEqualTo(before.value("labgate_served_bytes_total", "path=\"STREAM\"") + LabActivity.OBJECT.length);
        assertThat(after.has("labgate_served_bytes_total", "path=\"S3_ENDPOINT\""))
                .isTrue();
        assertThat(after.has("labgate_served_bytes_total", "path=\"PRESIGNED_URL\""))
                .isFalse();
        assertThat(after.value("labgate_links_issued_total")).isEqualTo(before.value("labgate_links_issued_total") + 1);
        assertThat(after.value("labgate_access_refusals_total", "reason=\"NO_SUCH_KEY\""))
                .isEqualTo(before.value("labgate_access_refusals_total", "reason=\"NO_SUCH_KEY\"") + 1);
        assertThat(after.has("labgate_access_refusals_total", "reason=\"QUOTA_EXCEEDED\""))
                .isTrue();

        assertThat(after.value("labgate_storage_call_seconds_count", "operation=\"open\"", "outcome=\"success\""))
                .isGreaterThanOrEqualTo(
                        before.value("labgate_storage_call_seconds_count", "operation=\"open\"", "outcome=\"success\"")
                                + 1);
        assertThat(after.has("labgate_storage_call_seconds_bucket", "operation=\"open\""))
                .isTrue();

        // gauges: read from the database every labgate.metrics.refresh-every (1 s in tests)
        await().atMost(REFRESH).untilAsserted(() -> {
            Scrape now = Scrape.now();
            assertThat(now.value("labgate_grants_active", "industry=\"" + industry + "\""))
                    .isGreaterThanOrEqualTo(1);
            // the grant ends in 12 hours: within a day, and within a week
            assertThat(now.value("labgate_grants_expiring", "window_seconds=\"86400\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(now.value("labgate_grants_expiring", "window_seconds=\"604800\""))
                    .isGreaterThanOrEqualTo(now.value("labgate_grants_expiring", "window_seconds=\"86400\""));
        });
    }

    @Test
    void bookingsUtilisationAndBookingsInMaintenanceAreGauged() {
        ApprovedGrants.organizations(demo); // Alpha ACTIVE: bookings are for an active AI company
        String[] server = LabActivity.server();
        String id = server[0];
        String hostname = server[1];
        double activeBefore = Scrape.now().value("labgate_server_bookings_active");

        String booking = LabActivity.bookNow(id);
        try {
            await().atMost(REFRESH).untilAsserted(() -> {
                Scrape now = Scrape.now();
                assertThat(now.value("labgate_server_bookings_active")).isGreaterThanOrEqualTo(activeBefore + 1);
                // one hour booked of 30 days
                assertThat(now.value("labgate_server_utilisation_ratio", "server=\"" + hostname + "\""))
                        .isCloseTo(1.0 / (30 * 24), offset(1e-4));
            });
            double inMaintenanceBefore = Scrape.now().value("labgate_server_bookings_in_maintenance");
            LabActivity.maintenance(id, hostname, server[2]);
            await().atMost(REFRESH)
                    .untilAsserted(() -> assertThat(Scrape.now().value("labgate_server_bookings_in_maintenance"))
                            .isGreaterThanOrEqualTo(inMaintenanceBefore + 1));
        } finally {
            LabActivity.cancel(booking);
        }
    }

    @Test
    void chainVerificationIsGauged() {
        LabActivity.verifyChain();
        Scrape now = Scrape.now();
        assertThat(now.value("labgate_usage_chain_valid")).isEqualTo(1.0);
        assertThat(now.value("labgate_usage_chain_verified_timestamp_seconds"))
                .isGreaterThan(System.currentTimeMillis() / 1000.0 - 60);
    }
}
