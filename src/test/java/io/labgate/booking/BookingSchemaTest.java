package io.labgate.booking;

import static io.labgate.booking.BookingFixtures.activeAiCompany;
import static io.labgate.booking.BookingFixtures.freshBase;
import static io.labgate.booking.BookingFixtures.gpuServer;
import static io.labgate.booking.BookingFixtures.hours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.platform.error.DatabaseConstraints;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The database keeps the booking rules even for writes that do not come through the service. */
@QuarkusTest
class BookingSchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void databaseRefusesOverlappingBookingsButNotCancelledOnesOrBackToBackOnes() throws Exception {
        String server = gpuServer(8).id();
        UUID org = UUID.fromString(activeAiCompany());
        Instant base = freshBase();
        insertBooking(server, org, hours(base, 0), hours(base, 10), "first", null);

        assertThatThrownBy(() -> insertBooking(server, org, hours(base, 9), hours(base, 11), "second", null))
                .satisfies(e -> assertThat(DatabaseConstraints.violated(e, BookingService.NO_OVERLAP))
                        .isTrue());
        insertBooking(server, org, hours(base, 10), hours(base, 11), "back to back", null);
        insertBooking(server, org, hours(base, 5), hours(base, 6), "cancelled", Instant.now());
    }

    @Test
    void databaseRefusesBookingsOfUnknownOrganizationsAndWithoutPurpose() {
        String server = gpuServer(8).id();
        Instant base = freshBase();
        assertThatThrownBy(() -> insertBooking(server, UUID.randomUUID(), base, hours(base, 1), "ghost", null))
                .satisfies(e -> assertThat(DatabaseConstraints.violated(e, "server_reservation_organization_fk"))
                        .isTrue());
        UUID org = UUID.fromString(activeAiCompany());
        assertThatThrownBy(() -> insertBooking(server, org, base, hours(base, 1), " ", null))
                .satisfies(e -> assertThat(DatabaseConstraints.violated(e, "server_reservation_booking_has_purpose"))
                        .isTrue());
        assertThatThrownBy(() -> insertBooking(server, org, base, hours(base, 1), null, null))
                .satisfies(e -> assertThat(DatabaseConstraints.violated(e, "server_reservation_booking_has_purpose"))
                        .isTrue());
    }

    private void insertBooking(
            String server, UUID organization, Instant startsAt, Instant endsAt, String purpose, Instant cancelledAt)
            throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                INSERT INTO server_reservation (id, server_id, kind, starts_at, ends_at, organization_id, purpose,
                    created_by, created_at, cancelled_at)
                VALUES (?, ?, 'BOOKING', ?, ?, ?, ?, 'schema-test', now(), ?)""")) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, UUID.fromString(server));
            s.setTimestamp(3, Timestamp.from(startsAt));
            s.setTimestamp(4, Timestamp.from(endsAt));
            s.setObject(5, organization);
            s.setString(6, purpose);
            s.setTimestamp(7, cancelledAt == null ? null : Timestamp.from(cancelledAt));
            s.executeUpdate();
        }
    }
}
