package io.labgate.monitoring;

import static io.labgate.testing.Api.as;

import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.Tokens;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The actions that the business metrics count, done for real through the API: a request submitted and approved
 * (a grant), an object streamed, a link issued, a refused request, a server booked now and then put into
 * maintenance, a chain verification.
 */
final class LabActivity {

    static final byte[] OBJECT = "metrics test object, forty-two bytes long.".getBytes(StandardCharsets.UTF_8);

    record Done(Approved grant, String industry, String serverId, String hostname, String bookingId) {}

    private LabActivity() {}

    static Approved grant(DemoOrganizations demo) {
        ApprovedGrants.organizations(demo);
        return ApprovedGrants.grant(
                ApprovedGrants.allModes(),
                Map.of("d/a.bin", OBJECT),
                List.of("STREAM", "PRESIGNED_URL"),
                Duration.ofHours(12));
    }

    static String industry(Approved grant) {
        return as(Tokens.OPERATOR)
                .get("/api/v1/datasets/" + grant.datasetId())
                .then()
                .statusCode(200)
                .extract()
                .path("industryCode");
    }

    static void stream(Approved grant) {
        as(Tokens.ALICE)
                .accept("*/*")
                .get("/api/v1/grants/" + grant.grantId() + "/objects/a.bin")
                .then()
                .statusCode(200);
    }

    static void link(Approved grant) {
        as(Tokens.ALICE)
                .body(Map.of("keys", List.of("a.bin")))
                .post("/api/v1/grants/" + grant.grantId() + "/links")
                .then()
                .statusCode(200);
    }

    /** A key the version does not hold: NO_SUCH_KEY. */
    static void refusal(Approved grant) {
        as(Tokens.ALICE)
                .accept("*/*")
                .get("/api/v1/grants/" + grant.grantId() + "/objects/missing.bin")
                .then()
                .statusCode(404);
    }

    /** A fresh GPU server; its id, hostname and ETag. */
    static String[] server() {
        String name = "mt-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = serverBody(name, "AVAILABLE");
        Response created = as(Tokens.OPERATOR).body(body).post("/api/v1/servers");
        created.then().statusCode(201);
        return new String[] {created.path("id"), name + ".lab.internal", created.header("ETag")};
    }

    static Map<String, Object> serverBody(String name, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("hostname", name + ".lab.internal");
        body.put("assetTag", "TAG-" + name.toUpperCase(Locale.ROOT));
        body.put("kind", "GPU");
        body.put("cpuCores", 64);
        body.put("memoryGib", 512);
        body.put("gpuModel", "NVIDIA A100");
        body.put("gpuCount", 4);
        body.put("gpuMemoryGib", 80);
        body.put("location", "Rack M1");
        body.put("networkZone", "lab-secure");
        body.put("status", status);
        return body;
    }

    /** Books the server for Alpha from an hour ago until two hours from now: a booking running now. */
    static String bookNow(String serverId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>();
        body.put("serverId", serverId);
        body.put("organizationId", DemoOrganizations.ALPHA.toString());
        body.put("startsAt", now.minus(Duration.ofHours(1)).toString());
        body.put("endsAt", now.plus(Duration.ofHours(2)).toString());
        body.put("purpose", "Metrics test");
        return as(Tokens.OPERATOR)
                .body(body)
                .post("/api/v1/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Puts the server into MAINTENANCE (its bookings stay). */
    static void maintenance(String serverId, String hostname, String etag) {
        String name = hostname.substring(0, hostname.indexOf('.'));
        as(Tokens.OPERATOR)
                .header("If-Match", etag)
                .body(serverBody(name, "MAINTENANCE"))
                .put("/api/v1/servers/" + serverId)
                .then()
                .statusCode(200);
    }

    static void cancel(String bookingId) {
        as(Tokens.OPERATOR).delete("/api/v1/bookings/" + bookingId).then().statusCode(204);
    }

    static void verifyChain() {
        as(Tokens.AUDITOR)
                .get("/api/v1/usage/verify?from=" + Instant.now().minus(Duration.ofMinutes(10)))
                .then()
                .statusCode(200);
    }
}
