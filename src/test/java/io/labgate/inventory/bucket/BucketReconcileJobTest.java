package io.labgate.inventory.bucket;

import static io.labgate.inventory.bucket.BucketFixtures.BUCKETS;
import static io.labgate.inventory.bucket.BucketFixtures.deleteFromStore;
import static io.labgate.inventory.bucket.BucketFixtures.makeBucket;
import static io.labgate.inventory.bucket.BucketFixtures.registerExisting;
import static io.labgate.inventory.bucket.BucketFixtures.unique;
import static io.labgate.inventory.bucket.BucketFixtures.upload;
import static io.labgate.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.EmbeddedPostgresServer;
import io.labgate.platform.storage.ObjectStore;
import io.labgate.testing.Tokens;
import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BucketReconcileJobTest {

    @Inject
    BucketReconcileJob job;

    @Inject
    MinioClient labGatesMinio;

    @Test
    void jobReconcilesEveryBucket() throws Exception {
        String growing = unique("job-grow");
        String vanishing = unique("job-gone");
        makeBucket(growing);
        makeBucket(vanishing);
        upload(growing, "one.bin", 100);
        upload(vanishing, "one.bin", 50);
        String growingId = registerExisting(growing, 1000);
        String vanishingId = registerExisting(vanishing, 1000);

        upload(growing, "two.bin", 1000);
        deleteFromStore(vanishing);
        ReconcileSummary summary = job.run();

        assertThat(summary.ran()).isTrue();
        assertThat(summary.failed()).isEmpty();
        assertThat(summary.reconciled()).isGreaterThanOrEqualTo(2);
        as(Tokens.AUDITOR)
                .get(BUCKETS + "/" + growingId)
                .then()
                .statusCode(200)
                .body("objectCount", equalTo(2))
                .body("usedBytes", equalTo(1100))
                .body("drift", equalTo("OVER_QUOTA"));
        as(Tokens.AUDITOR)
                .get(BUCKETS + "/" + vanishingId)
                .then()
                .statusCode(200)
                .body("drift", equalTo("MISSING"));
        as(Tokens.AUDITOR)
                .get(BUCKETS + "/" + growingId + "/usage-samples")
                .then()
                .body("totalItems", equalTo(2))
                .body("items[0].usedBytes", equalTo(1100));

        // every replica shows the reconciled usage to Prometheus
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        String tags = "{bucket=\"" + growing + "\",purpose=\"PROCESSED\"}";
        assertThat(metrics)
                .contains("labgate_bucket_used_bytes" + tags + " 1100.0")
                .contains("labgate_bucket_quota_bytes" + tags + " 1000.0")
                .contains("labgate_bucket_objects" + tags + " 2.0")
                .contains("labgate_bucket_reconciliations_total{outcome=\"reconciled\"}");
    }

    @Test
    void jobSkipsWhileAnotherReplicaHoldsTheLock() throws Exception {
        String name = unique("job-lock");
        makeBucket(name);
        upload(name, "one.bin", 10);
        String id = registerExisting(name, 1000);
        upload(name, "two.bin", 20);

        EmbeddedPostgresServer postgres = EmbeddedLabTestResource.lab().postgres();
        try (Connection otherReplica = DriverManager.getConnection(
                postgres.jdbcUrl("labgate"), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            advisory(otherReplica, "SELECT pg_advisory_lock(?)");

            ReconcileSummary skipped = job.run();

            assertThat(skipped.ran()).isFalse();
            assertThat(skipped.reconciled()).isZero();
            as(Tokens.AUDITOR)
                    .get(BUCKETS + "/" + id)
                    .then()
                    .body("usedBytes", equalTo(10))
                    .body("version", equalTo(0));
            as(Tokens.AUDITOR).get(BUCKETS + "/" + id + "/usage-samples").then().body("totalItems", equalTo(1));

            advisory(otherReplica, "SELECT pg_advisory_unlock(?)");
        }

        assertThat(job.run().ran()).isTrue();
        as(Tokens.AUDITOR).get(BUCKETS + "/" + id).then().body("usedBytes", equalTo(30));
    }

    @Test
    void oneFailingBucketDoesNotStopTheOthers() throws Exception {
        // names sort so that the failing bucket comes first
        String failing = unique("0-fail");
        String healthy = unique("z-ok");
        makeBucket(failing);
        makeBucket(healthy);
        String failingId = registerExisting(failing, 1000);
        String healthyId = registerExisting(healthy, 1000);
        upload(failing, "new.bin", 5);
        upload(healthy, "new.bin", 5);

        QuarkusMock.installMockForType(new BucketFixtures.StoreFailingFor(failing, labGatesMinio), ObjectStore.class);
        ReconcileSummary summary = job.run();

        assertThat(summary.ran()).isTrue();
        assertThat(summary.failed()).containsExactly(failing);
        as(Tokens.AUDITOR).get(BUCKETS + "/" + healthyId).then().body("usedBytes", equalTo(5));
        as(Tokens.AUDITOR)
                .get(BUCKETS + "/" + failingId)
                .then()
                .body("usedBytes", equalTo(0))
                .body("version", equalTo(0));
        as(Tokens.AUDITOR)
                .get(BUCKETS + "/" + failingId + "/usage-samples")
                .then()
                .body("totalItems", equalTo(1));
    }

    private static void advisory(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, StorageBucketRepository.RECONCILE_LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}
