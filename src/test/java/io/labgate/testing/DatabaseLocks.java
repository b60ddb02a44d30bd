package io.labgate.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Waits until PostgreSQL shows a session blocked on a lock: the latch for tests that prove "this waits for that
 * transaction", instead of sleeping and hoping the other thread got that far.
 */
public final class DatabaseLocks {

    /** Lock types of a row lock wait: on the holder's transaction id, or on the tuple itself. */
    public static final List<String> ROW = List.of("transactionid", "tuple");

    /** The lock type of {@code pg_advisory_lock}. */
    public static final List<String> ADVISORY = List.of("advisory");

    private DatabaseLocks() {}

    /** Returns once some session waits for a lock of one of these types (at most 30 s). */
    public static void awaitWaiter(List<String> lockTypes) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> waiters(lockTypes) > 0);
    }

    private static long waiters(List<String> lockTypes) throws SQLException {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement q =
                        db.prepareStatement("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = ANY (?)")) {
            q.setArray(1, db.createArrayOf("text", lockTypes.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
