package io.labgate.delivery;

import static io.labgate.delivery.DeliveryData.bytesUsed;
import static io.labgate.delivery.DeliveryData.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.delivery.DeliveryData.Event;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.GeneratedBytes;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 200 MiB object, generated into the store by a streamed upload, streamed through LabGate and hashed by the test
 * as it arrives: neither side holds it in memory.
 */
@QuarkusTest
class DownloadLargeObjectTest {

    private static final long SIZE = 200L * 1024 * 1024;

    @Inject
    DemoOrganizations demo;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
    }

    @Test
    void streamsA200MiBObjectWithoutBufferingIt() throws Exception {
        String bucket = "lg-big-" + PublishedDatasets.suffix();
        TestStore.minio().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        MessageDigest uploaded = MessageDigest.getInstance("SHA-256");
        long uploadStart = System.nanoTime();
        try (InputStream in = new DigestInputStream(new GeneratedBytes(SIZE, 0x5DEECE66DL), uploaded)) {
            TestStore.minio()
                    .putObject(PutObjectArgs.builder().bucket(bucket).object("d/big.bin").stream(
                                    in, SIZE, 16L * 1024 * 1024)
                            .build());
        }
        long uploadMillis = (System.nanoTime() - uploadStart) / 1_000_000;
        String expected = HexFormat.of().formatHex(uploaded.digest());

        String policyId = PublishedDatasets.policy(ApprovedGrants.allModes());
        String datasetId = PublishedDatasets.dataset(policyId, List.of(DemoOrganizations.JEJU), List.of());
        String versionId = PublishedDatasets.publishedVersionIn(
                datasetId, PublishedDatasets.registeredBucket(bucket, 1_000_000_000L));
        Approved approved = ApprovedGrants.grantOn(datasetId, versionId, List.of("STREAM"), Duration.ofDays(1));

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();
        long[] retainedMidway = {0};
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + "/api/v1/grants/"
                                + approved.grantId() + "/objects/big.bin"))
                        .header("Authorization", "Bearer " + Tokens.of(Tokens.ALICE))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Long.toString(SIZE));
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + expected + "\"");
        MessageDigest downloaded = MessageDigest.getInstance("SHA-256");
        long received = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                downloaded.update(buffer, 0, n);
                received += n;
                if (retainedMidway[0] == 0 && received >= SIZE / 2) {
                    // halfway through: what is still reachable after a full collection is what someone holds
                    System.gc();
                    retainedMidway[0] = Math.max(1, runtime.totalMemory() - runtime.freeMemory() - usedBefore);
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(received).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(downloaded.digest())).isEqualTo(expected);
        System.out.printf(
                "200 MiB: upload %d ms; download through LabGate %d ms (%.1f MiB/s); heap retained "
                        + "halfway %d MiB over %d MiB before%n",
                uploadMillis, millis, SIZE / 1048576.0 / (millis / 1000.0), retainedMidway[0] >> 20, usedBefore >> 20);
        // buffering the object (in the server, which runs in this JVM, or in the client) would retain ≥ 100 MiB
        assertThat(retainedMidway[0])
                .as("heap retained halfway through the transfer")
                .isLessThan(SIZE / 4);

        await(approved.grantId());
        assertThat(bytesUsed(approved.grantId())).isEqualTo(SIZE);
        assertThat(events(approved.grantId()))
                .filteredOn(e -> e.action().equals("OBJECT_STREAMED"))
                .extracting(Event::bytes, Event::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SIZE, "SUCCESS"));
    }

    private static void await(String grantId) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> events(grantId).stream().anyMatch(e -> e.action().equals("OBJECT_STREAMED")));
    }
}
