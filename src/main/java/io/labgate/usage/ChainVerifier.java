package io.labgate.usage;

import io.labgate.usage.api.LoggedEvent;
import io.labgate.usage.api.UsageLogException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Recomputes the hash chain over a period. The period selects a range of seq (the first and last event that
 * occurred in it); the walk covers that whole range in seq order, so an event missing from the middle is seen, and
 * starts from the event just before the range, so that one missing at the start of the period is seen too
 * ({@code MISSING_PREDECESSOR}; review M4).
 * Rows are streamed with a cursor, a page at a time, never all in memory. Reads in one repeatable-read,
 * read-only transaction: what is appended meanwhile is not walked.
 */
@ApplicationScoped
public class ChainVerifier {

    static final int FETCH_SIZE = 1000;

    @Inject
    DataSource dataSource;

    @Inject
    ChainMetrics metrics;

    public ChainVerification verify(Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement tx =
                        connection.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
                    tx.execute();
                }
                ChainVerification result = walk(connection, from, to);
                connection.commit();
                metrics.verified(result);
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new UsageLogException("the usage log could not be read", e);
        }
    }

    private ChainVerification walk(Connection connection, Instant from, Instant to) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("TRUE");
        if (from != null) {
            where.append(" AND occurred_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            where.append(" AND occurred_at < ?");
            parameters.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        Long firstSeq = null;
        Long lastSeq = null;
        try (PreparedStatement bounds =
                connection.prepareStatement("SELECT min(seq), max(seq) FROM usage_event WHERE " + where)) {
            for (int i = 0; i < parameters.size(); i++) {
                bounds.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = bounds.executeQuery()) {
                if (rs.next()) {
                    firstSeq = (Long) rs.getObject(1);
                    lastSeq = (Long) rs.getObject(2);
                }
            }
        }
        if (firstSeq == null) {
            return new ChainVerification(from, to, 0, null, null, null, true, 0, null);
        }

        long checked = 0;
        long breaks = 0;
        ChainVerification.ChainBreak firstBreak = null;
        // the first event of the period links to the last one before it: a removal at the edge breaks that link
        LoggedEvent previous = firstSeq > 1 ? predecessor(connection, firstSeq - 1) : null;
        boolean predecessorMissing = firstSeq > 1 && previous == null;
        try (PreparedStatement events = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM usage_event WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
            events.setFetchSize(FETCH_SIZE);
            events.setLong(1, firstSeq);
            events.setLong(2, lastSeq);
            try (ResultSet rs = events.executeQuery()) {
                while (rs.next()) {
                    LoggedEvent event = read(rs);
                    checked++;
                    ChainVerification.ChainBreak broken = predecessorMissing
                            ? new ChainVerification.ChainBreak(
                                    event.seq(), event.id(), null, event.hash(), "MISSING_PREDECESSOR")
                            : check(previous, event);
                    predecessorMissing = false;
                    if (broken != null) {
                        breaks++;
                        if (firstBreak == null) {
                            firstBreak = broken;
                        }
                    }
                    previous = event;
                }
            }
        }
        return new ChainVerification(
                from,
                to,
                checked,
                firstSeq,
                lastSeq,
                previous == null ? null : previous.hash(),
                firstBreak == null,
                breaks,
                firstBreak);
    }

    /** Every column of {@code usage_event}, in the order {@link #read} reads them. */
    static final String COLUMNS = "id, seq, occurred_at, organization_id, subject, grant_id, "
            + "dataset_version_id, action, object_key, bytes, client_address, outcome, reason, request_id, "
            + "client_request_id, occurrences, prev_hash, hash";

    /** The event numbered {@code seq}, or null when there is none (it was removed). */
    private static LoggedEvent predecessor(Connection connection, long seq) throws SQLException {
        try (PreparedStatement event =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM usage_event WHERE seq = ?")) {
            event.setLong(1, seq);
            try (ResultSet rs = event.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /** The break {@code event} makes after {@code previous} (null for the first event walked), or null. */
    static ChainVerification.ChainBreak check(LoggedEvent previous, LoggedEvent event) {
        String linkedTo;
        if (previous == null) {
            linkedTo = event.seq() == 1 ? EventDigest.GENESIS : event.prevHash();
        } else {
            linkedTo = previous.hash();
        }
        String expected = EventDigest.hash(linkedTo, event);
        if (expected.equals(event.hash())
                && linkedTo.equals(event.prevHash())
                && (previous == null || event.seq() == previous.seq() + 1)) {
            return null;
        }
        String reason;
        if (previous != null && event.seq() != previous.seq() + 1) {
            reason = "SEQ_GAP";
        } else if (!linkedTo.equals(event.prevHash())) {
            reason = "PREV_HASH_MISMATCH";
        } else {
            reason = "HASH_MISMATCH";
        }
        return new ChainVerification.ChainBreak(event.seq(), event.id(), expected, event.hash(), reason);
    }

    /** The event of the current row of a result selected with {@link #COLUMNS}. */
    static LoggedEvent read(ResultSet rs) throws SQLException {
        return new LoggedEvent(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("organization_id", UUID.class),
                rs.getString("subject"),
                rs.getObject("grant_id", UUID.class),
                rs.getObject("dataset_version_id", UUID.class),
                rs.getString("action"),
                rs.getString("object_key"),
                (Long) rs.getObject("bytes"),
                rs.getString("client_address"),
                rs.getString("outcome"),
                rs.getString("reason"),
                rs.getString("request_id"),
                rs.getString("client_request_id"),
                rs.getInt("occurrences"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
