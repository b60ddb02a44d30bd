package io.labgate.gateway;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.labgate.gateway.GatewayFixtures.Data;
import io.labgate.gateway.GatewayFixtures.Key;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.labgate.testing.UsageLogRefusal;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 GetObject as a transfer, through presigned URLs signed by the AWS SDK: written ahead (no byte when its start
 * cannot be committed) and stopped when its access key is revoked while it runs.
 */
@QuarkusTest
class S3TransferTest {

    private static final int BIG = 48 * 1024 * 1024;

    @TestHTTPResource("/s3")
    URL endpoint;

    @Inject
    DemoOrganizations demo;

    private static Data data;

    @BeforeEach
    void setUp() {
        ApprovedGrants.organizations(demo);
        PublishedDatasets.active(DemoOrganizations.JEJU);
        synchronized (S3TransferTest.class) {
            if (data == null) {
                data = GatewayFixtures.publishedForS3(
                        Map.of("d/big.bin", TestStore.bytes(9, BIG), "d/small.bin", TestStore.bytes(10, 4000)));
            }
        }
    }

    @Test
    void aGetObjectWhoseStartCannotBeCommittedIsAnsweredServiceUnavailableWithoutAByteOfTheObject() throws Exception {
        String grantId = GatewayFixtures.grant(Tokens.ALICE, data);
        Key key = GatewayFixtures.key(Tokens.ALICE, grantId);
        URL url = presigned(key, "small.bin");
        HttpResponse<byte[]> response;
        try (UsageLogRefusal ignored = UsageLogRefusal.refuse("TRANSFER_STARTED")) {
            response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(url.toURI()).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(503);
        assertThat(body).contains("<Code>ServiceUnavailable</Code>");
        assertThat(response.body()).hasSizeLessThan(4000);
        assertThat(count(grantId, "S3_REQUEST", "s3 GetObject")).isZero();
        assertThat(bytesUsed(grantId)).isZero();
        // the log is back: the same URL works
        HttpResponse<byte[]> again = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url.toURI()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).hasSize(4000);
    }

    @Test
    void revokingTheAccessKeyStopsARunningGetObject() throws Exception {
        String grantId = GatewayFixtures.grant(Tokens.ALICE, data);
        Key key = GatewayFixtures.key(Tokens.ALICE, grantId);
        URL url = presigned(key, "big.bin");
        long read = 0;
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.getOutputStream()
                    .write(("GET " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            while (read < 1024 * 1024) {
                int n = in.read(buffer);
                assertThat(n).isPositive();
                read += n;
            }
            as(Tokens.ALICE)
                    .delete("/api/v1/grants/" + grantId + "/access-keys/" + key.id())
                    .then()
                    .statusCode(200);
            socket.setSoTimeout(20_000);
            try {
                // a client that reads at about 6 MB/s, as a data loader on a slow link: the transfer is still
                // running when the server checks the key again (within labgate.delivery.recheck-every, 1 s here)
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    read += n;
                    Thread.sleep(10);
                }
            } catch (IOException reset) {
                // the server cut the transfer
            }
        }
        assertThat(read).as("bytes the client got, headers included").isLessThan(BIG);
        await().atMost(Duration.ofSeconds(30)).until(() -> !completions(grantId).isEmpty());
        List<String[]> done = completions(grantId);
        assertThat(done).hasSize(1);
        assertThat(done.get(0)[0]).isEqualTo("REFUSED");
        assertThat(done.get(0)[1]).isEqualTo("CREDENTIAL_REVOKED");
        long counted = Long.parseLong(done.get(0)[2]);
        assertThat(counted).isPositive().isLessThan(BIG);
        assertThat(bytesUsed(grantId)).isEqualTo(counted);
    }

    private URL presigned(Key key, String objectKey) throws Exception {
        String bucket = (data.datasetCode() + "-" + data.versionLabel()).toLowerCase(Locale.ROOT);
        try (S3Presigner presigner = GatewayFixtures.presigner(endpoint.toURI(), key.accessKeyId(), key.secret())) {
            return presigner
                    .presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                            .getObjectRequest(g -> g.bucket(bucket).key(objectKey)))
                    .url();
        }
    }

    /** Outcome, reason and bytes of the grant's GetObject completions (S3_REQUEST events with bytes). */
    private static List<String[]> completions(String grantId) throws Exception {
        List<String[]> found = new ArrayList<>();
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement("SELECT outcome, reason, bytes FROM usage_event "
                        + "WHERE grant_id = ? AND action = 'S3_REQUEST' AND bytes IS NOT NULL ORDER BY seq")) {
            st.setObject(1, UUID.fromString(grantId));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
                }
            }
        }
        return found;
    }

    private static long count(String grantId, String action, String reason) throws Exception {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(
                        "SELECT count(*) FROM usage_event WHERE grant_id = ? AND action = ? AND reason = ?")) {
            st.setObject(1, UUID.fromString(grantId));
            st.setString(2, action);
            st.setString(3, reason);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long bytesUsed(String grantId) throws Exception {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement("SELECT bytes_used FROM access_grant WHERE id = ?")) {
            st.setObject(1, UUID.fromString(grantId));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
