package io.labgate.booking;

import static io.labgate.testing.Api.as;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.labgate.testing.BusinessRegistrationNumbers;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Servers, organizations and booking bodies for the booking tests, made through the real API. The database is
 * shared by every test of the JVM, so each test makes its own servers and organizations.
 */
final class BookingFixtures {

    static final String BOOKINGS = "/api/v1/bookings";
    static final String SERVERS = "/api/v1/servers";
    static final String ORGS = "/api/v1/organizations";

    private BookingFixtures() {}

    /**
     * A whole hour far enough in the future, and far from other tests' hours, that a test can lay out bookings
     * around it without meeting anyone else's (days 30 to about 27 years ahead, chosen at random).
     */
    static Instant freshBase() {
        return Instant.now()
                .truncatedTo(ChronoUnit.HOURS)
                .plus(30 + ThreadLocalRandom.current().nextInt(10_000), ChronoUnit.DAYS);
    }

    /** Registers a server with {@code gpus} GPUs (0: a CPU server) and the given status (null: AVAILABLE). */
    static Server server(int gpus, String status) {
        String name = "bk-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("hostname", name + ".lab.internal");
        body.put("assetTag", "TAG-" + name.toUpperCase(Locale.ROOT));
        body.put("kind", gpus > 0 ? "GPU" : "CPU");
        body.put("cpuCores", 64);
        body.put("memoryGib", 512);
        if (gpus > 0) {
            body.put("gpuModel", "NVIDIA A100");
        }
        body.put("gpuCount", gpus);
        body.put("gpuMemoryGib", gpus > 0 ? 80 : 0);
        body.put("location", "Rack B2");
        body.put("networkZone", "lab-secure");
        if (status != null) {
            body.put("status", status);
        }
        String id = as(Tokens.OPERATOR)
                .body(body)
                .post(SERVERS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new Server(id, name + ".lab.internal");
    }

    static Server gpuServer(int gpus) {
        return server(gpus, null);
    }

    record Server(String id, String hostname) {}

    /** Registers an organization of the kind; it stays PENDING. */
    static String organization(String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", "Booking test " + UUID.randomUUID().toString().substring(0, 8));
        body.put("businessRegistrationNumber", BusinessRegistrationNumbers.random());
        body.put("contactEmail", "lab@booking-test.example");
        body.put("contactName", "Kim Min-jun");
        return as(Tokens.OPERATOR)
                .body(body)
                .post(ORGS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Registers and activates an organization of the kind. */
    static String activeOrganization(String kind) {
        String id = organization(kind);
        as(Tokens.OPERATOR).post(ORGS + "/" + id + "/activate").then().statusCode(200);
        return id;
    }

    static String activeAiCompany() {
        return activeOrganization("AI_COMPANY");
    }

    /** Makes a demo organization (Alpha, Beta) exist and be ACTIVE, whichever test gets there first. */
    static String activeDemo(DemoOrganizations demo, UUID id) {
        demo.ensure(id);
        as(Tokens.OPERATOR).post(ORGS + "/" + id + "/activate").then().statusCode(anyOf(equalTo(200), equalTo(409)));
        return id.toString();
    }

    static Map<String, Object> booking(String serverId, String organizationId, Instant startsAt, Instant endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("serverId", serverId);
        body.put("organizationId", organizationId);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("purpose", "Fine-tuning a crop disease detector");
        return body;
    }

    static Instant hours(Instant base, double hours) {
        return base.plusSeconds(Math.round(hours * 3600));
    }
}
