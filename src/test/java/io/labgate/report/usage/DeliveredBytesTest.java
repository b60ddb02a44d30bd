package io.labgate.report.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.labgate.report.ReportPeriod;
import io.labgate.testing.Api;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every byte that left counts (issue 12): a download the client cut and one a revocation stopped delivered bytes
 * to the company; the report's downloads and transparency sections show them apart from complete downloads and
 * within the bytes delivered, equal to the bytes of the usage events, from the rollups and from the raw log.
 */
@QuarkusTest
class DeliveredBytesTest {

    private static final int BIG = 24 * 1024 * 1024;
    private static final int SMALL = 1000;

    @Inject
    DemoOrganizations demo;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
    }

    @Test
    void bytesOfCutTransfersAreDeliveredBytesInEverySectionAndInTheEvents() throws Exception {
        Approved approved = ApprovedGrants.grant(
                ApprovedGrants.allModes(),
                Map.of("d/big.bin", TestStore.bytes(3, BIG), "d/small.bin", TestStore.bytes(4, SMALL)),
                List.of("STREAM"),
                Duration.ofDays(1));
        String grant = approved.grantId();
        Api.as(Tokens.ALICE)
                .get("/api/v1/grants/" + grant + "/objects/small.bin")
                .then()
                .statusCode(200);
        try (Socket cut = startDownload(grant)) {
            readAtLeast(cut, 1024 * 1024);
            cut.setSoLinger(true, 0);
        }
        try (Socket stopped = startDownload(grant)) {
            readAtLeast(stopped, 1024 * 1024);
            Api.as(Tokens.OPERATOR)
                    .body(Map.of("reason", "the company broke the terms"))
                    .post("/api/v1/grants/" + grant + "/revoke")
                    .then()
                    .statusCode(200);
            Thread.sleep(1500); // longer than the test profile's recheck interval
            stopped.setSoTimeout(20_000);
            try {
                InputStream in = stopped.getInputStream();
                byte[] buffer = new byte[64 * 1024];
                while (in.read(buffer) >= 0) {
                    // what the server still sends before it cuts the transfer
                }
            } catch (java.io.IOException reset) {
                // the server cut the transfer
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> streamed(grant).size() == 3);

        List<Map<String, Object>> events = streamed(grant);
        long complete = bytes(events, e -> "SUCCESS".equals(e.get("outcome")));
        long cut = bytes(events, e -> !"SUCCESS".equals(e.get("outcome")));
        assertThat(complete).isEqualTo(SMALL);
        assertThat(events)
                .extracting(e -> e.get("outcome") + " " + e.get("reason"))
                .containsExactlyInAnyOrder("SUCCESS null", "FAILED CLIENT_ABORTED", "REFUSED GRANT_NOT_USABLE");
        assertThat(cut)
                .as("bytes of the two cut transfers")
                .isGreaterThan(2L * 1024 * 1024)
                .isLessThan(2L * BIG);

        String today = LocalDate.now(ReportPeriod.ZONE).toString();
        String code = Api.as(Tokens.OPERATOR)
                .get("/api/v1/datasets/" + approved.datasetId())
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        for (String source : List.of("ROLLUP", "RAW")) {
            JsonPath downloads = report("downloads", today, "DATASET", source);
            String row = "section.rows.find { it.group == '" + code + "' }.";
            assertThat(downloads.getLong(row + "streamBytes")).as(source).isEqualTo(complete);
            assertThat(downloads.getLong(row + "streamObjects")).as(source).isEqualTo(1);
            assertThat(downloads.getLong(row + "cutTransfers")).as(source).isEqualTo(2);
            assertThat(downloads.getLong(row + "cutBytes")).as(source).isEqualTo(cut);
            assertThat(downloads.getLong(row + "bytesDelivered")).as(source).isEqualTo(complete + cut);

            JsonPath transparency = report("transparency", today, null, source);
            String use = "section.rows.find { it.datasetCode == '" + code + "' }.";
            assertThat(transparency.getLong(use + "cutBytes")).as(source).isEqualTo(cut);
            assertThat(transparency.getLong(use + "bytesDelivered")).as(source).isEqualTo(complete + cut);
        }
    }

    private Socket startDownload(String grant) throws Exception {
        Socket socket = new Socket(root.getHost(), root.getPort());
        OutputStream request = socket.getOutputStream();
        request.write(("GET /api/v1/grants/" + grant + "/objects/big.bin HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + Tokens.of(Tokens.ALICE) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.flush();
        return socket;
    }

    private static void readAtLeast(Socket socket, long bytes) throws Exception {
        InputStream response = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        while (read < bytes) {
            int n = response.read(buffer);
            assertThat(n).isPositive();
            read += n;
        }
    }

    /** The grant's OBJECT_STREAMED events, as the usage API gives them. */
    private static List<Map<String, Object>> streamed(String grant) {
        return Api.as(Tokens.OPERATOR)
                .queryParam("grantId", grant)
                .queryParam("action", "OBJECT_STREAMED")
                .get("/api/v1/usage/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static long bytes(
            List<Map<String, Object>> events, java.util.function.Predicate<Map<String, Object>> which) {
        return events.stream()
                .filter(which)
                .mapToLong(e -> ((Number) e.get("bytes")).longValue())
                .sum();
    }

    private static JsonPath report(String section, String day, String groupBy, String source) {
        var request = Api.as(Tokens.OPERATOR)
                .queryParam("from", day)
                .queryParam("to", day)
                .queryParam("source", source);
        if (groupBy != null) {
            request = request.queryParam("groupBy", groupBy);
        }
        return request.get("/api/v1/reports/" + section)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
