package io.labgate.booking;

import static io.labgate.booking.BookingFixtures.BOOKINGS;
import static io.labgate.booking.BookingFixtures.ORGS;
import static io.labgate.booking.BookingFixtures.SERVERS;
import static io.labgate.booking.BookingFixtures.activeAiCompany;
import static io.labgate.booking.BookingFixtures.activeDemo;
import static io.labgate.booking.BookingFixtures.activeOrganization;
import static io.labgate.booking.BookingFixtures.booking;
import static io.labgate.booking.BookingFixtures.freshBase;
import static io.labgate.booking.BookingFixtures.gpuServer;
import static io.labgate.booking.BookingFixtures.hours;
import static io.labgate.booking.BookingFixtures.organization;
import static io.labgate.booking.BookingFixtures.server;
import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.labgate.booking.BookingFixtures.Server;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BookingResourceTest {

    private static final String GPU_HOURS = BOOKINGS + "/gpu-hours";

    @Inject
    DemoOrganizations demo;

    private static Response book(Map<String, Object> body) {
        return as(Tokens.OPERATOR).body(body).post(BOOKINGS);
    }

    private static String bookedId(Map<String, Object> body) {
        return book(body).then().statusCode(201).extract().path("id");
    }

    private static Response book(Server server, String organizationId, Instant base, double fromHours, double toHours) {
        return book(booking(server.id(), organizationId, hours(base, fromHours), hours(base, toHours)));
    }

    private static Map<String, Object> window(Instant base, int fromHours, int toHours) {
        return Map.of(
                "startsAt",
                hours(base, fromHours).toString(),
                "endsAt",
                hours(base, toHours).toString(),
                "reason",
                "firmware update");
    }

    // --- booking --------------------------------------------------------------------------------------

    @Test
    void operatorBooksAServerAndEveryoneAllowedReadsIt() {
        Server server = gpuServer(8);
        String org = activeAiCompany();
        Instant base = freshBase();
        // sub-second parts are dropped: bookings are kept in whole seconds
        Map<String, Object> body =
                booking(server.id(), org, base.plusMillis(400), hours(base, 10).plusMillis(900));

        Response created = book(body);
        created.then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("serverId", equalTo(server.id()))
                .body("organizationId", equalTo(org))
                .body("startsAt", equalTo(base.toString()))
                .body("endsAt", equalTo(hours(base, 10).toString()))
                .body("purpose", equalTo("Fine-tuning a crop disease detector"))
                .body("accessRequestId", nullValue())
                .body("createdBy", equalTo("operator"))
                .body("createdAt", notNullValue())
                .body("cancelledAt", nullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(BOOKINGS + "/" + id);

        as(Tokens.AUDITOR)
                .get(BOOKINGS + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("serverId", equalTo(server.id()));
        List<String> listed = as(Tokens.AUDITOR)
                .get(BOOKINGS + "?serverId=" + server.id())
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .extract()
                .path("items.id");
        assertThat(listed).containsExactly(id);
    }

    @Test
    void retriedBookingWithIdempotencyKeyReturnsTheFirstBooking() {
        Server server = gpuServer(4);
        String org = activeAiCompany();
        Instant base = freshBase();
        Map<String, Object> body = booking(server.id(), org, base, hours(base, 5));
        String key = "book-" + UUID.randomUUID();

        String first = as(Tokens.OPERATOR)
                .header("Idempotency-Key", key)
                .body(body)
                .post(BOOKINGS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // a retry would overlap the first booking; with the same key it is answered, not refused
        Response retry =
                as(Tokens.OPERATOR).header("Idempotency-Key", key).body(body).post(BOOKINGS);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", endsWith(first));
        assertThat(retry.<String>path("id")).isEqualTo(first);

        Map<String, Object> other = booking(server.id(), org, hours(base, 5), hours(base, 6));
        as(Tokens.OPERATOR)
                .header("Idempotency-Key", key)
                .body(other)
                .post(BOOKINGS)
                .then()
                .statusCode(422);
        as(Tokens.OPERATOR).get(BOOKINGS + "?serverId=" + server.id()).then().body("totalItems", equalTo(1));
    }

    @Test
    void overlappingBookingIsAConflictNamingTheServer() {
        Server server = gpuServer(8);
        String alphaLike = activeAiCompany();
        String betaLike = activeAiCompany();
        Instant base = freshBase();
        book(server, alphaLike, base, 10, 20).then().statusCode(201);

        for (double[] period : new double[][] {{15, 25}, {5, 11}, {12, 14}, {0, 30}, {10, 20}}) {
            book(server, betaLike, base, period[0], period[1])
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:labgate:problem:conflict"))
                    .body("detail", containsString(server.hostname()))
                    .body("detail", containsString(server.id()));
        }
        // the same organization cannot hold two overlapping bookings of a server either
        book(server, alphaLike, base, 19, 21).then().statusCode(409);
        // another server at the same time is free
        book(gpuServer(8), betaLike, base, 10, 20).then().statusCode(201);
        as(Tokens.OPERATOR).get(BOOKINGS + "?serverId=" + server.id()).then().body("totalItems", equalTo(1));
    }

    @Test
    void bookingThatOverlapsMaintenanceIsAConflictAndViceVersa() {
        Server server = gpuServer(8);
        String org = activeAiCompany();
        Instant base = freshBase();
        as(Tokens.OPERATOR)
                .body(window(base, 10, 20))
                .post(SERVERS + "/" + server.id() + "/maintenance")
                .then()
                .statusCode(201);

        book(server, org, base, 19, 21).then().statusCode(409).body("detail", containsString(server.hostname()));
        book(server, org, base, 0, 30).then().statusCode(409);

        book(server, org, base, 30, 40).then().statusCode(201);
        as(Tokens.OPERATOR)
                .body(window(base, 35, 45))
                .post(SERVERS + "/" + server.id() + "/maintenance")
                .then()
                .statusCode(409);
    }

    @Test
    void backToBackPeriodsDoNotOverlap() {
        Server server = gpuServer(8);
        String org = activeAiCompany();
        String other = activeAiCompany();
        Instant base = freshBase();

        book(server, org, base, 10, 20).then().statusCode(201);
        book(server, other, base, 20, 30).then().statusCode(201);
        book(server, org, base, 0, 10).then().statusCode(201);
        as(Tokens.OPERATOR)
                .body(window(base, 30, 40))
                .post(SERVERS + "/" + server.id() + "/maintenance")
                .then()
                .statusCode(201);
        book(server, other, base, 40, 50).then().statusCode(201);
        // and the whole day is taken now
        book(server, other, base, 9.5, 10.5).then().statusCode(409);
        as(Tokens.OPERATOR).get(BOOKINGS + "?serverId=" + server.id()).then().body("totalItems", equalTo(4));
    }

    @Test
    void retiredOrMaintenanceServersCannotBeBooked() {
        String org = activeAiCompany();
        Instant base = freshBase();

        Server inMaintenance = server(8, "MAINTENANCE");
        book(inMaintenance, org, base, 1, 2)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("MAINTENANCE"))
                .body("detail", containsString(inMaintenance.hostname()));

        Server retired = gpuServer(8);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", "end of life"))
                .post(SERVERS + "/" + retired.id() + "/retire")
                .then()
                .statusCode(200);
        book(retired, org, base, 1, 2).then().statusCode(409).body("detail", containsString("RETIRED"));

        book(booking(UUID.randomUUID().toString(), org, base, hours(base, 2)))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("not registered"));
        as(Tokens.OPERATOR).get(BOOKINGS + "?serverId=" + retired.id()).then().body("totalItems", equalTo(0));
    }

    @Test
    void retiringABookedServerIsAConflictUntilTheBookingIsCancelled() {
        Server server = gpuServer(8);
        String org = activeAiCompany();
        Instant base = freshBase();
        String id = bookedId(booking(server.id(), org, base, hours(base, 10)));

        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", "end of life"))
                .post(SERVERS + "/" + server.id() + "/retire")
                .then()
                .statusCode(409)
                .body("detail", containsString("bookings"));
        as(Tokens.OPERATOR).get(SERVERS + "/" + server.id()).then().body("status", equalTo("AVAILABLE"));

        as(Tokens.OPERATOR).delete(BOOKINGS + "/" + id).then().statusCode(204);
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", "end of life"))
                .post(SERVERS + "/" + server.id() + "/retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
    }

    @Test
    void organizationMustBeAnActiveAiCompany() {
        Server server = gpuServer(8);
        Instant base = freshBase();

        String pending = organization("AI_COMPANY");
        book(server, pending, base, 0, 1)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:unprocessable"))
                .body("detail", containsString("PENDING"));

        String provider = activeOrganization("DATA_PROVIDER");
        book(server, provider, base, 0, 1).then().statusCode(422).body("detail", containsString("DATA_PROVIDER"));

        String suspended = activeAiCompany();
        as(Tokens.OPERATOR)
                .body(Map.of("reason", "unpaid fees"))
                .post(ORGS + "/" + suspended + "/suspend")
                .then()
                .statusCode(200);
        book(server, suspended, base, 0, 1).then().statusCode(422).body("detail", containsString("SUSPENDED"));

        book(server, UUID.randomUUID().toString(), base, 0, 1)
                .then()
                .statusCode(422)
                .body("detail", containsString("not registered"));
        as(Tokens.OPERATOR).get(BOOKINGS + "?serverId=" + server.id()).then().body("totalItems", equalTo(0));
    }

    @Test
    void invalidBookingsNameEachField() {
        Server server = gpuServer(8);
        String org = activeAiCompany();
        Instant base = freshBase();

        as(Tokens.OPERATOR)
                .body(Map.of())
                .post(BOOKINGS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:validation-failed"))
                .body("violations.field", hasItems("serverId", "organizationId", "startsAt", "endsAt", "purpose"));

        Map<String, Object> backwards = booking(server.id(), org, hours(base, 5), hours(base, 4));
        book(backwards)
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("endsAt")))
                .body("violations.message", hasItem(containsString("after startsAt")));
        Map<String, Object> empty = booking(server.id(), org, base, base);
        book(empty).then().statusCode(400).body("violations.field", equalTo(List.of("endsAt")));

        Instant past = Instant.now().minus(2, ChronoUnit.DAYS);
        book(booking(server.id(), org, past, past.plus(1, ChronoUnit.DAYS)))
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("endsAt")))
                .body("violations.message", hasItem(containsString("future")));

        book(booking(server.id(), org, base, base.plus(Duration.ofDays(90)).plusSeconds(1)))
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("endsAt")))
                .body("violations.message", hasItem(containsString("90 days")));

        Map<String, Object> blankPurpose = booking(server.id(), org, base, hours(base, 1));
        blankPurpose.put("purpose", "  ");
        book(blankPurpose).then().statusCode(400).body("violations.field", equalTo(List.of("purpose")));
        Map<String, Object> longPurpose = booking(server.id(), org, base, hours(base, 1));
        longPurpose.put("purpose", "x".repeat(501));
        book(longPurpose).then().statusCode(400).body("violations.field", equalTo(List.of("purpose")));

        Map<String, Object> unknown = booking(server.id(), org, base, hours(base, 1));
        unknown.put("gpuCount", 8);
        book(unknown).then().statusCode(400).body("violations.field", hasItem("gpuCount"));
        Map<String, Object> badId = booking("not-a-uuid", org, base, hours(base, 1));
        book(badId).then().statusCode(400).body("violations.field", hasItem("serverId"));
        Map<String, Object> badTime = booking(server.id(), org, base, hours(base, 1));
        badTime.put("startsAt", "tomorrow");
        book(badTime).then().statusCode(400).body("violations.field", hasItem("startsAt"));
        as(Tokens.OPERATOR)
                .body("{\"serverId\": ")
                .post(BOOKINGS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        // nothing of the above was booked; exactly 90 days is allowed
        as(Tokens.OPERATOR).get(BOOKINGS + "?serverId=" + server.id()).then().body("totalItems", equalTo(0));
        book(booking(server.id(), org, base, base.plus(Duration.ofDays(90))))
                .then()
                .statusCode(201);
    }

    // --- cancellation -----------------------------------------------------------------------------------

    @Test
    void cancellingFreesTheTimeAndASecondCancellationIsAConflict() {
        Server server = gpuServer(8);
        String org = activeAiCompany();
        Instant base = freshBase();
        String id = bookedId(booking(server.id(), org, base, hours(base, 10)));

        as(Tokens.OPERATOR).delete(BOOKINGS + "/" + id).then().statusCode(204);
        as(Tokens.AUDITOR)
                .get(BOOKINGS + "/" + id)
                .then()
                .statusCode(200)
                .body("cancelledAt", notNullValue())
                .body("cancelledBy", equalTo("operator"));
        as(Tokens.OPERATOR)
                .delete(BOOKINGS + "/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already cancelled"));
        as(Tokens.OPERATOR).delete(BOOKINGS + "/" + UUID.randomUUID()).then().statusCode(404);

        // the time is free again
        String again = bookedId(booking(server.id(), org, hours(base, 2), hours(base, 8)));
        List<String> live = as(Tokens.OPERATOR)
                .get(BOOKINGS + "?serverId=" + server.id())
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(live).containsExactly(again);
        List<String> all = as(Tokens.OPERATOR)
                .get(BOOKINGS + "?serverId=" + server.id() + "&includeCancelled=true")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(all).containsExactly(id, again);
    }

    // --- lists ----------------------------------------------------------------------------------------

    @Test
    void listFiltersByOrganizationAndWindowAndSortsByStart() {
        Server server = gpuServer(8);
        String org = activeAiCompany();
        String other = activeAiCompany();
        Instant base = freshBase();
        String late = bookedId(booking(server.id(), org, hours(base, 20), hours(base, 30)));
        String early = bookedId(booking(server.id(), org, hours(base, 0), hours(base, 10)));
        String others = bookedId(booking(server.id(), other, hours(base, 10), hours(base, 20)));

        List<String> byOrg = as(Tokens.OPERATOR)
                .get(BOOKINGS + "?organizationId=" + org)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(byOrg).containsExactly(early, late);

        // the window [from, to) selects bookings that overlap it; touching its ends is not overlapping
        List<String> inWindow = as(Tokens.AUDITOR)
                .queryParam("serverId", server.id())
                .queryParam("from", hours(base, 10).toString())
                .queryParam("to", hours(base, 20).toString())
                .get(BOOKINGS)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(inWindow).containsExactly(others);
        List<String> fromOnly = as(Tokens.AUDITOR)
                .queryParam("serverId", server.id())
                .queryParam("from", hours(base, 19).toString())
                .get(BOOKINGS)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(fromOnly).containsExactly(others, late);

        List<String> byEndDesc = as(Tokens.OPERATOR)
                .get(BOOKINGS + "?serverId=" + server.id() + "&sort=endsAt,desc")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(byEndDesc).containsExactly(late, others, early);
        as(Tokens.OPERATOR)
                .get(BOOKINGS + "?serverId=" + server.id() + "&size=2&page=1")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(late)))
                .body("totalPages", equalTo(2));

        as(Tokens.OPERATOR)
                .queryParam("from", hours(base, 20).toString())
                .queryParam("to", hours(base, 10).toString())
                .get(BOOKINGS)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("to"));
        as(Tokens.OPERATOR)
                .get(BOOKINGS + "?from=yesterday")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("from"));
        as(Tokens.OPERATOR)
                .get(BOOKINGS + "?sort=purpose")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("sort"));
        as(Tokens.OPERATOR)
                .get(BOOKINGS + "?serverId=nope")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    // --- tenants and roles ------------------------------------------------------------------------------

    @Test
    void aiCompaniesSeeOnlyTheirOwnBookingsAndProvidersNone() {
        String alpha = activeDemo(demo, DemoOrganizations.ALPHA);
        String beta = activeDemo(demo, DemoOrganizations.BETA);
        Server server = gpuServer(8);
        Instant base = freshBase();
        String alphas = bookedId(booking(server.id(), alpha, base, hours(base, 10)));
        String betas = bookedId(booking(server.id(), beta, hours(base, 10), hours(base, 20)));

        // alice (Alpha) lists only Alpha's bookings, whatever she filters by
        JsonPath alicesList = as(Tokens.ALICE)
                .get(BOOKINGS + "?size=100&sort=createdAt,desc")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(alicesList.getList("items.organizationId", String.class))
                .isNotEmpty()
                .containsOnly(alpha);
        assertThat(alicesList.getList("items.id", String.class))
                .contains(alphas)
                .doesNotContain(betas);
        List<String> alicesOnServer = as(Tokens.ALICE)
                .get(BOOKINGS + "?serverId=" + server.id())
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(alicesOnServer).containsExactly(alphas);
        as(Tokens.ALICE)
                .get(BOOKINGS + "?organizationId=" + beta)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        as(Tokens.ALICE).get(BOOKINGS + "/" + alphas).then().statusCode(200).body("id", equalTo(alphas));
        as(Tokens.ALICE).get(BOOKINGS + "/" + betas).then().statusCode(404);

        // bob (Beta) cannot tell Alpha's booking from one that does not exist
        String detail = as(Tokens.BOB)
                .get(BOOKINGS + "/" + alphas)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        String unknown = UUID.randomUUID().toString();
        String unknownDetail = as(Tokens.BOB)
                .get(BOOKINGS + "/" + unknown)
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        assertThat(detail.replace(alphas, "ID")).isEqualTo(unknownDetail.replace(unknown, "ID"));
        List<String> bobsOnServer = as(Tokens.BOB)
                .get(BOOKINGS + "?serverId=" + server.id())
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(bobsOnServer).containsExactly(betas);

        // operators and auditors see both
        List<String> auditors = as(Tokens.AUDITOR)
                .get(BOOKINGS + "?serverId=" + server.id())
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(auditors).containsExactly(alphas, betas);

        // data providers have no business with bookings
        as(Tokens.CAROL).get(BOOKINGS).then().statusCode(403).contentType("application/problem+json");
        as(Tokens.CAROL).get(BOOKINGS + "/" + alphas).then().statusCode(403);
        as(Tokens.DAVE)
                .get(GPU_HOURS + "?from=" + base + "&to=" + hours(base, 1))
                .then()
                .statusCode(403);
    }

    @Test
    void onlyOperatorsBookAndCancel() {
        String alpha = activeDemo(demo, DemoOrganizations.ALPHA);
        Server server = gpuServer(8);
        Instant base = freshBase();
        Map<String, Object> body = booking(server.id(), alpha, base, hours(base, 1));
        String id = bookedId(booking(server.id(), alpha, hours(base, 2), hours(base, 3)));

        for (String user : List.of(Tokens.ALICE, Tokens.AUDITOR, Tokens.CAROL)) {
            as(user).body(body).post(BOOKINGS).then().statusCode(403).contentType("application/problem+json");
            as(user).delete(BOOKINGS + "/" + id).then().statusCode(403);
        }
        anonymous().body(body).post(BOOKINGS).then().statusCode(401).header("WWW-Authenticate", "Bearer");
        anonymous().get(BOOKINGS).then().statusCode(401);
        anonymous()
                .get(GPU_HOURS + "?from=" + base + "&to=" + hours(base, 1))
                .then()
                .statusCode(401);
        as(Tokens.OPERATOR).get(BOOKINGS + "/" + id).then().statusCode(200).body("cancelledAt", nullValue());
    }

    // --- GPU-hours --------------------------------------------------------------------------------------

    @Test
    void gpuHoursAreTheOverlapWithThePeriodTimesTheGpuCount() {
        String org = activeAiCompany();
        Server eightGpus = gpuServer(8);
        Server twoGpus = gpuServer(2);
        Server cpuOnly = server(0, null);
        Instant w = freshBase();

        // 10 hours, of which 4 in the period [w, w + 24h): 4 h × 8 GPUs = 32
        book(eightGpus, org, w, -6, 4).then().statusCode(201);
        // 3 hours inside: 3 × 2 = 6
        book(twoGpus, org, w, 10, 13).then().statusCode(201);
        // 10 hours, of which 4 in the period at its end: 4 × 8 = 32
        book(eightGpus, org, w, 20, 30).then().statusCode(201);
        // a CPU server: an hour of server time, no GPU-hours
        book(cpuOnly, org, w, 1, 2).then().statusCode(201);
        // cancelled, and starting when the period ends: neither counts
        String cancelled =
                book(twoGpus, org, w, 15, 17).then().statusCode(201).extract().path("id");
        as(Tokens.OPERATOR).delete(BOOKINGS + "/" + cancelled).then().statusCode(204);
        book(twoGpus, org, w, 24, 26).then().statusCode(201);

        JsonPath day = gpuHours(Tokens.OPERATOR, w, hours(w, 24), org);
        assertThat(day.getList("organizations")).hasSize(1);
        assertThat(day.getString("organizations[0].organizationId")).isEqualTo(org);
        assertThat(day.getDouble("organizations[0].gpuHours")).isEqualTo(70.0);
        assertThat(day.getDouble("organizations[0].serverHours")).isEqualTo(12.0);
        assertThat(day.getLong("organizations[0].bookings")).isEqualTo(4L);
        assertThat(day.getString("from")).isEqualTo(w.toString());
        assertThat(day.getString("to")).isEqualTo(hours(w, 24).toString());

        // the example of the brief: an 8-GPU server booked 10 h, 4 h of them in the period
        assertThat(gpuHours(Tokens.OPERATOR, w, hours(w, 4), org).getDouble("organizations[0].gpuHours"))
                .isEqualTo(32.0);
        // half hours: 0.5 h × 8 + 0.5 h × 2 = 5
        assertThat(gpuHours(Tokens.OPERATOR, hours(w, 3.5), hours(w, 10.5), org).getDouble("organizations[0].gpuHours"))
                .isEqualTo(5.0);
        // a period without bookings gives the named organization a zero row
        JsonPath none = gpuHours(Tokens.OPERATOR, hours(w, 100), hours(w, 101), org);
        assertThat(none.getDouble("organizations[0].gpuHours")).isEqualTo(0.0);
        assertThat(none.getLong("organizations[0].bookings")).isZero();

        // without organizationId an operator gets every organization with bookings in the period
        JsonPath everyone = gpuHours(Tokens.AUDITOR, w, hours(w, 24), null);
        assertThat(everyone.getList("organizations.organizationId", String.class))
                .contains(org);
        assertThat(everyone.getDouble("organizations.find { it.organizationId == '" + org + "' }.gpuHours"))
                .isEqualTo(70.0);
    }

    @Test
    void aiCompaniesGetOnlyTheirOwnGpuHours() {
        String alpha = activeDemo(demo, DemoOrganizations.ALPHA);
        String beta = activeDemo(demo, DemoOrganizations.BETA);
        Server server = gpuServer(4);
        Instant w = freshBase();
        book(server, alpha, w, 0, 3).then().statusCode(201);
        book(server, beta, w, 3, 5).then().statusCode(201);

        JsonPath alices = gpuHours(Tokens.ALICE, w, hours(w, 5), null);
        assertThat(alices.getList("organizations.organizationId", String.class)).containsExactly(alpha);
        assertThat(alices.getDouble("organizations[0].gpuHours")).isEqualTo(12.0);
        assertThat(gpuHours(Tokens.ALICE, w, hours(w, 5), UUID.fromString(beta)).getList("organizations"))
                .isEmpty();
        JsonPath bobs = gpuHours(Tokens.BOB, w, hours(w, 5), null);
        assertThat(bobs.getList("organizations.organizationId", String.class)).containsExactly(beta);
        assertThat(bobs.getDouble("organizations[0].gpuHours")).isEqualTo(8.0);

        JsonPath all = gpuHours(Tokens.OPERATOR, w, hours(w, 5), null);
        assertThat(all.getList("organizations.organizationId", String.class)).contains(alpha, beta);
    }

    @Test
    void gpuHoursNeedABoundedPeriod() {
        Instant w = freshBase();
        as(Tokens.OPERATOR)
                .get(GPU_HOURS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("from", "to"));
        as(Tokens.OPERATOR)
                .get(GPU_HOURS + "?from=" + w)
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("to")));
        as(Tokens.OPERATOR)
                .get(GPU_HOURS + "?from=" + w + "&to=" + w)
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("to")));
        as(Tokens.OPERATOR)
                .get(GPU_HOURS + "?from=" + w + "&to="
                        + w.plus(Duration.ofDays(400)).plusSeconds(1))
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("to")))
                .body("violations.message", hasItem(containsString("400 days")));
        as(Tokens.OPERATOR)
                .get(GPU_HOURS + "?from=last-week&to=" + w)
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("from")));
        as(Tokens.OPERATOR)
                .get(GPU_HOURS + "?from=" + w + "&to=" + w.plus(Duration.ofDays(400)))
                .then()
                .statusCode(200);
        // offsets other than Z are read as the instant they name
        as(Tokens.OPERATOR)
                .queryParam("from", "2026-01-01T09:00:00+09:00")
                .queryParam("to", "2026-01-02T00:00:00Z")
                .get(GPU_HOURS)
                .then()
                .statusCode(200)
                .body("from", equalTo("2026-01-01T00:00:00Z"));
    }

    private static JsonPath gpuHours(String user, Instant from, Instant to, Object organizationId) {
        var request = as(user).queryParam("from", from.toString()).queryParam("to", to.toString());
        if (organizationId != null) {
            request = request.queryParam("organizationId", organizationId.toString());
        }
        return request.get(GPU_HOURS).then().statusCode(200).extract().jsonPath();
    }
}
