package io.labgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No pool starvation: with two connections in the application's pool, ten parallel downloads (each writes its
 * start and completion to the usage log and reserves and settles bytes) all succeed. Requests never hold a
 * connection while they wait for the usage writer, which has a pool of its own.
 */
@QuarkusTest
@TestProfile(SmallPoolTest.TwoConnections.class)
class SmallPoolTest {

    /** The application's pool cut to two connections; enough download slots for ten at once. */
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.max-size", "2",
                    "quarkus.datasource.jdbc.min-size", "0",
                    "labgate.delivery.max-concurrent-streams", "16");
        }
    }

    private static final int DOWNLOADS = 10;

    @Inject
    DemoOrganizations demo;

    @Test
    void tenParallelDownloadsOnAPoolOfTwoConnectionsAllSucceed() throws Exception {
        ApprovedGrants.organizations(demo);
        byte[] object = TestStore.bytes(41, 300_000);
        Approved approved = ApprovedGrants.grant(
                ApprovedGrants.allModes(), Map.of("d/w.bin", object), List.of("STREAM"), Duration.ofDays(1));

        CyclicBarrier start = new CyclicBarrier(DOWNLOADS);
        ExecutorService pool = Executors.newFixedThreadPool(DOWNLOADS);
        try {
            List<Future<Response>> downloads = new ArrayList<>();
            for (int i = 0; i < DOWNLOADS; i++) {
                downloads.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return DownloadTest.get(approved.grantId(), "w.bin", null);
                }));
            }
            for (Future<Response> download : downloads) {
                // a deadlock would hang here; a starved pool would answer 503
                Response response = download.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                assertThat(response.asByteArray()).isEqualTo(object);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(DeliveryData.events(approved.grantId()))
                .filteredOn(e -> e.action().equals("OBJECT_STREAMED"))
                .hasSize(DOWNLOADS)
                .allSatisfy(e -> assertThat(e.bytes()).isEqualTo(object.length));
        assertThat(DeliveryData.bytesUsed(approved.grantId())).isEqualTo((long) DOWNLOADS * object.length);
    }
}
