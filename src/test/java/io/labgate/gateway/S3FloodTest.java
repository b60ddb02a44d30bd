package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.labgate.gateway.GatewayFixtures.Data;
import io.labgate.gateway.GatewayFixtures.Key;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 requests that do not verify cannot flood the usage log nor frame a key's holder: they are tallied per window,
 * source address, reason and claimed key (one event with its number of occurrences), attributed to nobody, and an
 * address that keeps failing is answered SlowDown before any key lookup. The flood comes from 127.0.0.2, a
 * loopback address of its own, so that the throttle does not touch the other tests' 127.0.0.1.
 */
@QuarkusTest
class S3FloodTest {

    private static final String FLOODER = "127.0.0.2";

    @TestHTTPResource("/s3")
    URL endpoint;

    @Inject
    DemoOrganizations demo;

    @Inject
    GatewayConfig config;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
        PublishedDatasets.active(DemoOrganizations.JEJU);
    }

    @Test
    void requestsThatDoNotVerifyAreTalliedUnattributedAndThrottledPerSourceAddress() throws Exception {
        Data data = GatewayFixtures.publishedForS3();
        String grantId = GatewayFixtures.grant(Tokens.ALICE, data);
        Key key = GatewayFixtures.key(Tokens.ALICE, grantId);
        URL forged = presigned(key.accessKeyId(), key.secret().substring(1) + "x", data);
        Instant since = Instant.now().minusSeconds(1);

        List<Answer> answers = new ArrayList<>();
        // within one minute the limit is reached; a minute that ends meanwhile starts the count again
        int most = 2 * config.unverifiedPerMinute() + 1;
        while (answers.size() < most) {
            Answer answer = get(forged);
            answers.add(answer);
            if (answer.status() == 503) {
                break;
            }
        }
        Answer last = answers.get(answers.size() - 1);
        assertThat(last.status())
                .as("throttled after %d requests", answers.size())
                .isEqualTo(503);
        assertThat(last.body()).contains("<Code>SlowDown</Code>");
        assertThat(answers.subList(0, answers.size() - 1))
                .hasSizeGreaterThanOrEqualTo(config.unverifiedPerMinute())
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(403);
                    assertThat(a.body()).contains("<Code>SignatureDoesNotMatch</Code>");
                });

        // the key's holder, elsewhere, is not throttled
        try (S3Client s3 = GatewayFixtures.client(endpoint.toURI(), key.accessKeyId(), key.secret())) {
            assertThat(s3.listBuckets().buckets()).hasSize(1);
        }

        int sent = answers.size();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        tallied(since).stream().mapToInt(Tally::occurrences).sum() == sent);
        List<Tally> tallies = tallied(since);
        assertThat(tallies)
                .as("a few events for %d requests", sent)
                .hasSizeLessThan(sent / 4)
                .allSatisfy(t -> {
                    assertThat(t.organizationId()).as("attributed to nobody").isNull();
                    assertThat(t.grantId()).isNull();
                    assertThat(t.requestId()).isNull();
                });
        assertThat(tallies)
                .filteredOn(t -> t.reason().equals("s3 SignatureDoesNotMatch"))
                .extracting(Tally::subject)
                .containsOnly("unverified:" + key.accessKeyId());
        assertThat(tallies)
                .filteredOn(t -> t.reason().equals("s3 SlowDown"))
                .extracting(Tally::subject)
                .containsOnly("anonymous");
        assertThat(S3GatewayTest.refusals(grantId))
                .as("refusals attributed to the grant of the claimed key")
                .isZero();
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        assertThat(metrics).containsPattern("labgate_gateway_unverified_throttled_total [1-9]");
        assertThat(metrics).contains("labgate_usage_tallied_total{action=\"ACCESS_REFUSED\"");
    }

    private URL presigned(String accessKeyId, String secret, Data data) throws Exception {
        String bucket = (data.datasetCode() + "-" + data.versionLabel()).toLowerCase(Locale.ROOT);
        try (S3Presigner presigner = GatewayFixtures.presigner(endpoint.toURI(), accessKeyId, secret)) {
            return presigner
                    .presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                            .getObjectRequest(g -> g.bucket(bucket).key("a.bin")))
                    .url();
        }
    }

    private record Answer(int status, String body) {}

    /** A GET sent from {@link #FLOODER}: LabGate sees that address as the client's. */
    private static Answer get(URL url) throws Exception {
        try (Socket socket =
                new Socket(InetAddress.getByName(url.getHost()), url.getPort(), InetAddress.getByName(FLOODER), 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, response.substring(Math.max(0, response.indexOf("\r\n\r\n"))));
        }
    }

    private record Tally(
            UUID organizationId, UUID grantId, String subject, String reason, String requestId, int occurrences) {}

    /** The refusals logged for the flooding address since {@code since}. */
    private static List<Tally> tallied(Instant since) throws Exception {
        List<Tally> found = new ArrayList<>();
        try (Connection db = PublishedDatasets.database();
                PreparedStatement st = db.prepareStatement(
                        "SELECT organization_id, grant_id, subject, reason, request_id, occurrences FROM usage_event "
                                + "WHERE client_address = ? AND action = 'ACCESS_REFUSED' AND occurred_at >= ? "
                                + "ORDER BY seq")) {
            st.setString(1, FLOODER);
            // tallies carry the start of their window: a window may have begun just before the test
            st.setObject(2, OffsetDateTime.ofInstant(since.minusSeconds(120), ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(new Tally(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getInt(6)));
                }
            }
        }
        return found;
    }
}
