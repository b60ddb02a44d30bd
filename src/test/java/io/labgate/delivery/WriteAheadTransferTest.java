package io.labgate.delivery;

import static io.labgate.delivery.DeliveryData.bytesUsed;
import static io.labgate.delivery.DeliveryData.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.labgate.delivery.DeliveryData.Event;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.labgate.testing.UsageLogRefusal;
import io.labgate.usage.TransferSettlement;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write-ahead record of downloads: a TRANSFER_STARTED event is committed before the first byte, the completion
 * closes it, a transfer whose start cannot be committed sends nothing, and a transfer nobody completes (its
 * completion could not be written, or its replica died) is settled as INTERRUPTED with the reserved bytes.
 * The real log is made to refuse an action with {@link UsageLogRefusal}.
 */
@QuarkusTest
class WriteAheadTransferTest {

    @Inject
    DemoOrganizations demo;

    @Inject
    TransferSettlement settlement;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
    }

    @Test
    void aDownloadIsStartedInTheLogBeforeItsBytesAndCompletedWithTheBytesSent() throws Exception {
        byte[] object = TestStore.bytes(31, 70_000);
        String grantId = grant(object);
        Response response = DownloadTest.get(grantId, "w.bin", "bytes=100-199");
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.asByteArray()).hasSize(100);

        List<Event> all = allEvents(grantId);
        assertThat(all).extracting(Event::action).containsExactly("TRANSFER_STARTED", "OBJECT_STREAMED");
        Event started = all.get(0);
        assertThat(started.bytes()).as("bytes reserved").isEqualTo(100L);
        assertThat(started.reason()).isEqualTo("bytes 100-199");
        assertThat(started.objectKey()).isEqualTo("w.bin");
        Event completed = all.get(1);
        assertThat(completed.outcome()).isEqualTo("SUCCESS");
        assertThat(completed.bytes()).isEqualTo(100L);
        assertThat(openTransfers(grantId)).as("open transfers of the grant").isZero();
        assertThat(bytesUsed(grantId)).isEqualTo(100);
    }

    @Test
    void aDownloadWhoseStartCannotBeCommittedIsAnswered503AndSendsNoByte() throws Exception {
        String grantId = grant(TestStore.bytes(32, 70_000));
        Response response;
        try (UsageLogRefusal ignored = UsageLogRefusal.refuse("TRANSFER_STARTED")) {
            response = DownloadTest.get(grantId, "w.bin", null);
        }
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("\u0000");
        assertThat(response.header("Content-Length")).isNotEqualTo("70000");
        assertThat(allEvents(grantId)).extracting(Event::action).doesNotContain("OBJECT_STREAMED", "TRANSFER_STARTED");
        assertThat(bytesUsed(grantId)).as("the reservation is given back").isZero();
        assertThat(openTransfers(grantId)).isZero();
        // and the slot: the next download goes through
        assertThat(DownloadTest.get(grantId, "w.bin", "bytes=0-0").statusCode()).isEqualTo(206);
    }

    @Test
    void aTransferWhoseCompletionCannotBeWrittenIsSettledAsInterruptedWithTheReservedBytes() throws Exception {
        byte[] object = TestStore.bytes(33, 70_000);
        String grantId = grant(object);
        try (UsageLogRefusal ignored = UsageLogRefusal.refuse("OBJECT_STREAMED")) {
            Response response = DownloadTest.get(grantId, "w.bin", null);
            // the bytes left before the completion was refused: the start is what records them
            assertThat(response.asByteArray()).isEqualTo(object);
            assertThat(allEvents(grantId)).extracting(Event::action).containsExactly("TRANSFER_STARTED");
            assertThat(openTransfers(grantId)).isEqualTo(1);
        }
        assertThat(settlement.settle()).isPositive();
        List<Event> all = allEvents(grantId);
        assertThat(all).extracting(Event::action).containsExactly("TRANSFER_STARTED", "OBJECT_STREAMED");
        Event settled = all.get(1);
        assertThat(settled.outcome()).isEqualTo("FAILED");
        assertThat(settled.reason()).isEqualTo(TransferSettlement.INTERRUPTED);
        assertThat(settled.bytes()).isEqualTo(object.length);
        assertThat(bytesUsed(grantId)).as("the grant keeps the reservation").isEqualTo(object.length);
        assertThat(openTransfers(grantId)).isZero();
        assertThat(settlement.settle()).as("settled once").isZero();
    }

    @Test
    void aTransferOfAReplicaThatDiedIsSettledAndOneOfALiveReplicaIsNot() throws Exception {
        UUID grant = UUID.randomUUID();
        long replicaLock = UUID.randomUUID().getMostSignificantBits();
        try (Connection otherReplica = PublishedDatasets.database()) {
            // another replica: its session holds its lock while it lives
            try (PreparedStatement lock = otherReplica.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, replicaLock);
                lock.execute();
            }
            openTransfer(grant, replicaLock, 5_000);
            settlement.settle();
            assertThat(openTransfers(grant.toString()))
                    .as("a live replica's transfer")
                    .isEqualTo(1);
        }
        // its session ended, as when the process is killed
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            settlement.settle();
            return openTransfers(grant.toString()) == 0;
        });
        List<Event> all = allEvents(grant.toString());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).action()).isEqualTo("S3_REQUEST");
        assertThat(all.get(0).reason()).isEqualTo(TransferSettlement.INTERRUPTED);
        assertThat(all.get(0).bytes()).isEqualTo(5_000L);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String grant(byte[] object) {
        Approved approved = ApprovedGrants.grant(
                ApprovedGrants.allModes(), Map.of("d/w.bin", object), List.of("STREAM"), Duration.ofDays(1));
        return approved.grantId();
    }

    /** The data-access events of the grant, transfer starts included (not the grant's own GRANT_CHANGED). */
    static List<Event> allEvents(String grantId) throws Exception {
        return events(grantId, true).stream()
                .filter(e -> !e.action().equals("GRANT_CHANGED"))
                .toList();
    }

    static long openTransfers(String grantId) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st =
                        db.prepareStatement("SELECT count(*) FROM usage_open_transfer WHERE grant_id = ?")) {
            st.setObject(1, UUID.fromString(grantId));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void openTransfer(UUID grant, long replicaLock, long reserved) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement("INSERT INTO usage_open_transfer (start_event_id, "
                        + "replica_lock, started_at, completion_action, organization_id, subject, grant_id, "
                        + "object_key, reserved_bytes) VALUES (?, ?, now(), 'S3_REQUEST', ?, 'LGTESTKEY', ?, "
                        + "'k.bin', ?)")) {
            st.setObject(1, UUID.randomUUID());
            st.setLong(2, replicaLock);
            st.setObject(3, DemoOrganizations.ALPHA);
            st.setObject(4, grant);
            st.setLong(5, reserved);
            st.executeUpdate();
        }
    }
}
