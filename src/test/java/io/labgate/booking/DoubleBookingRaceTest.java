package io.labgate.booking;

import static io.labgate.booking.BookingFixtures.BOOKINGS;
import static io.labgate.booking.BookingFixtures.SERVERS;
import static io.labgate.booking.BookingFixtures.activeAiCompany;
import static io.labgate.booking.BookingFixtures.booking;
import static io.labgate.booking.BookingFixtures.freshBase;
import static io.labgate.booking.BookingFixtures.gpuServer;
import static io.labgate.booking.BookingFixtures.hours;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.labgate.booking.BookingFixtures.Server;
import io.labgate.booking.web.BookingResponse;
import io.labgate.testing.DatabaseLocks;
import io.labgate.testing.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Races around one server. Many operators book it for overlapping periods at the same moment: the service has
 * no overlap check of its own, so it is the database's exclusion constraint that must let exactly one through.
 * And a server cannot be retired while a booking of it is being made.
 */
@QuarkusTest
class DoubleBookingRaceTest {

    private static final int CONTENDERS = 8;

    @Inject
    DataSource dataSource;

    @Inject
    BookingService service;

    @Test
    void concurrentOverlappingBookingsOfOneServerLetExactlyOneThrough() throws Exception {
        for (int round = 0; round < 3; round++) {
            Server server = gpuServer(8);
            Instant base = freshBase();
            List<String> organizations = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                organizations.add(i < 2 ? activeAiCompany() : organizations.get(i % 2));
            }
            // contender i wants [i h, i h + 10 h): every period overlaps every other one
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                bodies.add(booking(server.id(), organizations.get(i), hours(base, i), hours(base, i + 10)));
            }

            List<Response> answers = race(bodies);

            List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
            assertThat(statuses)
                    .as("round %d: %s", round, statuses)
                    .containsOnly(201, 409)
                    .filteredOn(status -> status == 201)
                    .hasSize(1);
            answers.stream()
                    .filter(a -> a.statusCode() == 409)
                    .forEach(a -> assertThat(a.<String>path("detail"))
                            .contains(server.hostname())
                            .contains("already booked"));
            String winner = answers.stream()
                    .filter(a -> a.statusCode() == 201)
                    .findFirst()
                    .orElseThrow()
                    .path("id");
            assertThat(liveReservationsOf(server.id()))
                    .as("live rows of server %s", server.id())
                    .isEqualTo(1);
            assertThat(liveBookingIdOf(server.id())).isEqualTo(winner);
        }
    }

    @Test
    void retiringAServerWhileItIsBeingBookedWaitsForTheBookingAndRefuses() throws Exception {
        Server server = gpuServer(8);
        UUID organization = UUID.fromString(activeAiCompany());
        Instant base = freshBase();
        CountDownLatch booked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the access workflow books in a transaction of its own that is still open when the operator retires
            Future<BookingResponse> booking = pool.submit(() -> {
                ManagedContext requestContext = Arc.container().requestContext();
                requestContext.activate();
                try {
                    return QuarkusTransaction.requiringNew().call(() -> {
                        BookingResponse made = service.book(
                                UUID.fromString(server.id()),
                                organization,
                                base,
                                hours(base, 10),
                                "approved access request",
                                UUID.randomUUID());
                        booked.countDown();
                        assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
                        return made;
                    });
                } finally {
                    requestContext.terminate();
                }
            });
            assertThat(booked.await(30, TimeUnit.SECONDS)).isTrue();

            Future<Response> retire = pool.submit(() -> as(Tokens.OPERATOR)
                    .header("If-Match", "\"0\"")
                    .body(Map.of("reason", "end of life"))
                    .post(SERVERS + "/" + server.id() + "/retire")
                    .andReturn());
            DatabaseLocks.awaitWaiter(DatabaseLocks.ROW);
            assertThat(retire.isDone())
                    .as("retire must wait for the booking transaction")
                    .isFalse();

            commit.countDown();
            assertThat(booking.get(30, TimeUnit.SECONDS).accessRequestId()).isNotNull();
            Response answer = retire.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.<String>path("detail")).contains("bookings");
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        as(Tokens.OPERATOR)
                .get(SERVERS + "/" + server.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("AVAILABLE"));
    }

    /** Sends every body at once: the threads wait at a barrier and then post together. */
    private static List<Response> race(List<Map<String, Object>> bodies) throws Exception {
        String token = Tokens.of(Tokens.OPERATOR);
        CyclicBarrier start = new CyclicBarrier(bodies.size());
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                futures.add(pool.submit(() -> {
                    var request = RestAssured.given()
                            .auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .accept(ContentType.JSON)
                            .body(body);
                    start.await(30, TimeUnit.SECONDS);
                    return request.post(BOOKINGS).andReturn();
                }));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private long liveReservationsOf(String serverId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM server_reservation WHERE server_id = ? AND cancelled_at IS NULL")) {
            s.setObject(1, UUID.fromString(serverId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String liveBookingIdOf(String serverId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                SELECT id FROM server_reservation
                WHERE server_id = ? AND kind = 'BOOKING' AND cancelled_at IS NULL""")) {
            s.setObject(1, UUID.fromString(serverId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
