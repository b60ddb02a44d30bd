package io.labgate.usage;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client cannot choose what the usage log calls a request (security review L6): an event's {@code requestId} is
 * LabGate's own id of the request, the one in its {@code X-Request-Id} answer; the id the client offered is kept
 * in {@code clientRequestId}, so the client can still find its requests.
 */
@QuarkusTest
class ClientRequestIdTest {

    @Inject
    DemoOrganizations demo;

    @Test
    void aDownloadsEventCarriesLabGatesRequestIdAndTheClientsApart() {
        ApprovedGrants.organizations(demo);
        Approved grant = ApprovedGrants.grant(
                ApprovedGrants.allModes(),
                Map.of("d/a.bin", TestStore.bytes(3, 100)),
                List.of("STREAM"),
                Duration.ofDays(1));
        // the id of another request, which a forger would like the log to name
        Response download = as(Tokens.ALICE)
                .header("X-Request-Id", "loader-batch-0001")
                .get("/api/v1/grants/" + grant.grantId() + "/objects/a.bin");
        assertThat(download.statusCode()).isEqualTo(200);
        String own = download.header("X-Request-Id");
        assertThat(own).isNotEqualTo("loader-batch-0001");
        assertThat(download.header("X-Client-Request-Id")).isEqualTo("loader-batch-0001");

        JsonPath events = as(Tokens.ALICE)
                .queryParam("grantId", grant.grantId())
                .queryParam("action", "OBJECT_STREAMED")
                .get("/api/v1/usage/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(events.getList("items.requestId", String.class)).containsExactly(own);
        assertThat(events.getList("items.clientRequestId", String.class)).containsExactly("loader-batch-0001");
    }
}
