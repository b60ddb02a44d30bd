package io.labgate.access;

import static io.labgate.access.AccessFlows.REQUESTS;
import static io.labgate.access.AccessFlows.body;
import static io.labgate.access.AccessFlows.decide;
import static io.labgate.access.AccessFlows.grantsOf;
import static io.labgate.access.AccessFlows.submitted;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An access request may ask for lab servers; its approval books them, and the database keeps them apart. */
@QuarkusTest
class AccessRequestServersTest {

    @Inject
    DemoOrganizations demo;

    private PublishedDatasets.Published dataset;

    @BeforeEach
    void openDataset() {
        for (UUID id : List.of(DemoOrganizations.ALPHA, DemoOrganizations.BETA, DemoOrganizations.JEJU)) {
            demo.ensure(id);
        }
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        PublishedDatasets.active(DemoOrganizations.BETA);
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        dataset = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of("NO_REIDENTIFICATION"));
    }

    @Test
    void approvalBooksTheRequestedServer() {
        String server = gpuServer();
        Map<String, Object> request = withServer(body(dataset.versionId()), server, 1, 5);
        String id = submitted(Tokens.ALICE, request);
        as(Tokens.ALICE)
                .get(REQUESTS + "/" + id)
                .then()
                .statusCode(200)
                .body("servers[0].serverId", equalTo(server))
                .body("servers[0].bookingId", nullValue());

        decide(Tokens.OPERATOR, id, true, "fits")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("servers[0].bookingId", notNullValue());
        as(Tokens.ALICE)
                .get("/api/v1/bookings?serverId=" + server)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].organizationId", equalTo(DemoOrganizations.ALPHA.toString()));
    }

    @Test
    void approvalFailsWholeWhenTheServerIsNoLongerFree() {
        String server = gpuServer();
        String alphas = submitted(Tokens.ALICE, withServer(body(dataset.versionId()), server, 1, 5));
        String betas = submitted(Tokens.BOB, withServer(body(dataset.versionId()), server, 3, 8));
        decide(Tokens.OPERATOR, alphas, true, "first").then().statusCode(200);

        decide(Tokens.OPERATOR, betas, true, "second").then().statusCode(409).contentType("application/problem+json");
        // nothing of the failed approval remains: still under review, no grants, no booking for Beta
        as(Tokens.OPERATOR)
                .get(REQUESTS + "/" + betas)
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("servers[0].bookingId", nullValue());
        assertThat(grantsOf(betas)).isEmpty();
        as(Tokens.OPERATOR)
                .get("/api/v1/bookings?serverId=" + server)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
    }

    @Test
    void slotsOutsideThePeriodOrOnRetiredServersAreRefused() {
        String retired = gpuServer();
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", "old"))
                .post("/api/v1/servers/" + retired + "/retire")
                .then()
                .statusCode(200);
        Map<String, Object> request = withServer(body(dataset.versionId()), gpuServer(), 1, 45);
        request.put(
                "servers",
                List.of(
                        ((List<?>) request.get("servers")).get(0),
                        slot(retired, 1, 2),
                        slot(UUID.randomUUID().toString(), 1, 2)));
        as(Tokens.ALICE)
                .body(request)
                .post(REQUESTS)
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("servers[0]"))
                .body("violations.field", hasItem("servers[1].serverId"))
                .body("violations.field", hasItem("servers[2].serverId"));
    }

    private static Map<String, Object> withServer(Map<String, Object> body, String serverId, int fromDay, int toDay) {
        body.put("servers", List.of(slot(serverId, fromDay, toDay)));
        return body;
    }

    private static Map<String, Object> slot(String serverId, int fromDay, int toDay) {
        Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS);
        return Map.of(
                "serverId",
                serverId,
                "startsAt",
                base.plus(fromDay, ChronoUnit.DAYS).toString(),
                "endsAt",
                base.plus(toDay, ChronoUnit.DAYS).toString());
    }

    private static String gpuServer() {
        String name = "req-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> server = new HashMap<>();
        server.put("hostname", name + ".lab.internal");
        server.put("assetTag", name.toUpperCase(Locale.ROOT));
        server.put("kind", "GPU");
        server.put("cpuCores", 32);
        server.put("memoryGib", 256);
        server.put("gpuModel", "NVIDIA L40S");
        server.put("gpuCount", 4);
        server.put("gpuMemoryGib", 48);
        server.put("location", "Rack R");
        server.put("networkZone", "lab-secure");
        return as(Tokens.OPERATOR)
                .body(server)
                .post("/api/v1/servers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
