package io.labgate.delivery;

import static io.labgate.delivery.DeliveryData.bytesUsed;
import static io.labgate.delivery.DeliveryData.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.labgate.delivery.DeliveryData.Event;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streamed downloads over HTTP: ranges byte-exact, ETags, exact accounting, aborted transfers, download slots. */
@QuarkusTest
class DownloadTest {

    private static final int[] SIZES = {1, 1000, 65_537, 300_001};
    private static final int BIG = 48 * 1024 * 1024;

    @Inject
    DemoOrganizations demo;

    @Inject
    DeliveryLimiter limiter;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
    }

    static String objectPath(String grantId, String key) {
        return "/api/v1/grants/" + grantId + "/objects/" + key;
    }

    static io.restassured.specification.RequestSpecification given(String user) {
        return io.restassured.RestAssured.given().auth().oauth2(Tokens.of(user));
    }

    static Response get(String grantId, String key, String range) {
        var request = given(Tokens.ALICE);
        if (range != null) {
            request = request.header("Range", range);
        }
        return request.get(objectPath(grantId, key));
    }

    @Test
    void servesWholeObjectsAndEveryKindOfRangeByteExactAndCountsExactly() throws Exception {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        for (int size : SIZES) {
            objects.put("d/s" + size + ".bin", TestStore.bytes(size, size));
        }
        Approved approved =
                ApprovedGrants.grant(ApprovedGrants.allModes(), objects, List.of("STREAM"), Duration.ofDays(1));
        String grantId = approved.grantId();
        long expectedBytes = 0;
        List<Long> expectedEvents = new ArrayList<>();
        for (int size : SIZES) {
            String key = "s" + size + ".bin";
            byte[] data = objects.get("d/" + key);
            String etag = "\"" + TestStore.sha256(data) + "\"";

            Response whole = get(grantId, key, null);
            assertThat(whole.statusCode()).as(key).isEqualTo(200);
            assertThat(whole.header("Content-Length")).isEqualTo(Integer.toString(size));
            assertThat(whole.header("ETag")).isEqualTo(etag);
            assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(whole.header("Content-Range")).isNull();
            assertThat(whole.asByteArray()).isEqualTo(data);
            expectedBytes += size;
            expectedEvents.add((long) size);

            // first byte, a middle range, the last byte, a suffix, open-ended
            long mid = size / 3;
            long midEnd = Math.max(mid, 2L * size / 3);
            long suffix = Math.min(7, size);
            long open = size / 2;
            for (long[] r : new long[][] {
                {0, 0}, {mid, midEnd}, {size - 1, size - 1}, {size - suffix, size - 1}, {open, size - 1}
            }) {
                String header = r == null ? null : "bytes=" + r[0] + "-" + r[1];
                if (r[0] == size - suffix && r[1] == size - 1 && suffix == 7) {
                    header = "bytes=-7";
                } else if (r[0] == open && r[1] == size - 1 && open > 0) {
                    header = "bytes=" + open + "-";
                }
                Response part = get(grantId, key, header);
                assertThat(part.statusCode()).as(key + " " + header).isEqualTo(206);
                assertThat(part.header("Content-Range")).isEqualTo("bytes " + r[0] + "-" + r[1] + "/" + size);
                assertThat(part.header("Content-Length")).isEqualTo(Long.toString(r[1] - r[0] + 1));
                assertThat(part.header("ETag")).isEqualTo(etag);
                assertThat(part.asByteArray())
                        .as(key + " " + header)
                        .isEqualTo(Arrays.copyOfRange(data, (int) r[0], (int) r[1] + 1));
                expectedBytes += r[1] - r[0] + 1;
                expectedEvents.add(r[1] - r[0] + 1);
            }

            Response outside = get(grantId, key, "bytes=" + size + "-");
            assertThat(outside.statusCode()).isEqualTo(416);
            assertThat(outside.contentType()).startsWith("application/problem+json");
            assertThat(outside.header("Content-Range")).isEqualTo("bytes */" + size);
            assertThat(outside.jsonPath().getString("type")).isEqualTo("urn:labgate:problem:range-not-satisfiable");

            Response unchanged =
                    given(Tokens.ALICE).header("If-None-Match", etag).get(objectPath(grantId, key));
            assertThat(unchanged.statusCode()).isEqualTo(304);
            assertThat(unchanged.header("ETag")).isEqualTo(etag);
            assertThat(unchanged.asByteArray()).isEmpty();
            assertThat(given(Tokens.ALICE)
                            .header("If-None-Match", "\"other\"")
                            .get(objectPath(grantId, key))
                            .statusCode())
                    .isEqualTo(200);
            expectedBytes += size;
            expectedEvents.add((long) size);
        }
        // the bytes are reserved before the first byte goes out, so bytes_used is exact at once
        assertThat(bytesUsed(grantId)).isEqualTo(expectedBytes);
        // each event is committed right after its last byte was handed to the connection: a client can finish
        // reading a moment earlier, so the events of back-to-back downloads may be logged out of request order
        await().atMost(Duration.ofSeconds(10))
                .until(() -> events(grantId).stream()
                                .filter(e -> e.action().equals("OBJECT_STREAMED"))
                                .count()
                        == expectedEvents.size());
        List<Event> events = events(grantId);
        assertThat(events)
                .filteredOn(e -> e.action().equals("OBJECT_STREAMED"))
                .extracting(Event::bytes)
                .containsExactlyInAnyOrderElementsOf(expectedEvents);
        assertThat(events).filteredOn(e -> e.action().equals("OBJECT_STREAMED")).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.client()).isEqualTo("127.0.0.1");
        });
        assertThat(events)
                .filteredOn(e -> e.action().equals("ACCESS_REFUSED"))
                .extracting(Event::reason)
                .containsOnly("RANGE_NOT_SATISFIABLE")
                .hasSize(SIZES.length);
    }

    @Test
    void anAbortedTransferCountsOnlyWhatWentOutAndHoldsItsSlotUntilThen() throws Exception {
        byte[] big = TestStore.bytes(7, BIG);
        Approved approved = ApprovedGrants.grant(
                ApprovedGrants.allModes(), Map.of("d/big.bin", big), List.of("STREAM"), Duration.ofDays(1));
        String grantId = approved.grantId();
        DeliveryLimiter.Limits before = limiter.limits();
        limiter.setLimits(new DeliveryLimiter.Limits(1000, 1000, 1));
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + objectPath(grantId, "big.bin") + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + Tokens.of(Tokens.ALICE) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            while (read < 1024 * 1024) {
                int n = response.read(buffer);
                assertThat(n).isPositive();
                read += n;
            }
            // the running download holds the organization's only slot
            Response second = get(grantId, "big.bin", "bytes=0-9");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.header("Retry-After")).isEqualTo("1");
            assertThat(second.jsonPath().getString("detail")).startsWith("TOO_MANY_STREAMS");
            socket.setSoLinger(true, 0);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(grantId).stream().anyMatch(e -> e.action().equals("OBJECT_STREAMED")));
        Event aborted = events(grantId).stream()
                .filter(e -> e.action().equals("OBJECT_STREAMED"))
                .findFirst()
                .orElseThrow();
        assertThat(aborted.outcome()).isEqualTo("FAILED");
        assertThat(aborted.reason()).isEqualTo("CLIENT_ABORTED");
        assertThat(aborted.bytes()).isPositive().isLessThan(BIG);
        assertThat(bytesUsed(grantId)).isEqualTo(aborted.bytes());
        System.out.printf("aborted after reading 1 MiB of %d bytes: %d bytes counted%n", BIG, aborted.bytes());
        try {
            // the slot is free again
            Response after = get(grantId, "big.bin", "bytes=0-9");
            assertThat(after.statusCode()).isEqualTo(206);
            assertThat(after.asByteArray()).isEqualTo(Arrays.copyOf(big, 10));
        } finally {
            limiter.setLimits(before);
        }
        assertThat(bytesUsed(grantId)).isEqualTo(aborted.bytes() + 10);
    }

    @Test
    void aRevocationStopsARunningDownloadAndHeadSendsNoBytes() throws Exception {
        byte[] big = TestStore.bytes(8, BIG);
        Approved approved = ApprovedGrants.grant(
                ApprovedGrants.allModes(), Map.of("d/big.bin", big), List.of("STREAM"), Duration.ofDays(1));
        String grantId = approved.grantId();
        Response head = given(Tokens.ALICE).head(objectPath(grantId, "big.bin"));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(BIG));
        assertThat(head.header("ETag")).isEqualTo("\"" + TestStore.sha256(big) + "\"");

        long read = 0;
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + objectPath(grantId, "big.bin") + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + Tokens.of(Tokens.ALICE) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            while (read < 1024 * 1024) {
                read += response.read(buffer);
            }
            io.labgate.testing.Api.as(Tokens.OPERATOR)
                    .body(Map.of("reason", "stop it"))
                    .post("/api/v1/grants/" + grantId + "/revoke")
                    .then()
                    .statusCode(200);
            Thread.sleep(1500); // longer than the test profile's recheck interval
            socket.setSoTimeout(20_000);
            try {
                for (int n; (n = response.read(buffer)) >= 0; ) {
                    read += n;
                }
            } catch (java.io.IOException reset) {
                // the server cut the transfer
            }
        }
        assertThat(read).as("bytes the client got, headers included").isLessThan(BIG);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(grantId).stream().anyMatch(e -> e.action().equals("OBJECT_STREAMED")));
        Event stopped = events(grantId).stream()
                .filter(e -> e.action().equals("OBJECT_STREAMED"))
                .findFirst()
                .orElseThrow();
        assertThat(stopped.outcome()).isEqualTo("REFUSED");
        assertThat(stopped.reason()).isEqualTo("GRANT_NOT_USABLE");
        assertThat(stopped.bytes()).isPositive().isLessThan(BIG);
        assertThat(bytesUsed(grantId)).isEqualTo(stopped.bytes());
        System.out.printf(
                "revoked after the client read 1 MiB: %d bytes counted, %d received%n", stopped.bytes(), read);
    }
}
