package io.labgate.delivery;

import io.labgate.testing.PublishedDatasets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test data and database reads for the delivery tests. */
final class DeliveryData {

    private DeliveryData() {}

    /** One usage event as stored. */
    record Event(
            String action,
            String outcome,
            String reason,
            Long bytes,
            String objectKey,
            String client,
            int occurrences) {

        Event(String action, String outcome, String reason, Long bytes, String objectKey, String client) {
            this(action, outcome, reason, bytes, objectKey, client, 1);
        }
    }

    static long bytesUsed(String grantId) throws Exception {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement statement = db.prepareStatement("SELECT bytes_used FROM access_grant WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(grantId));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The usage events of a grant in log order, without the write-ahead TRANSFER_STARTED of each transfer. */
    static List<Event> events(String grantId) throws Exception {
        return events(grantId, false);
    }

    /** The usage events of a grant, in log order; with the transfer starts or without. */
    static List<Event> events(String grantId, boolean withStarts) throws Exception {
        try (Connection db = PublishedDatasets.database();
                PreparedStatement statement = db.prepareStatement("SELECT action, outcome, reason, bytes, object_key,"
                        + " client_address, occurrences FROM usage_event WHERE grant_id = ?"
                        + (withStarts ? "" : " AND action <> 'TRANSFER_STARTED'") + " ORDER BY seq")) {
            statement.setObject(1, UUID.fromString(grantId));
            List<Event> events = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long value = rs.getLong(4);
                    Long bytes = rs.wasNull() ? null : value;
                    events.add(new Event(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            bytes,
                            rs.getString(5),
                            rs.getString(6),
                            rs.getInt(7)));
                }
            }
            return events;
        }
    }
}
