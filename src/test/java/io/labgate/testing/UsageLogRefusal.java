package io.labgate.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Makes the real usage log refuse one action until closed: a CHECK constraint on usage_event ({@code NOT VALID},
 * so existing rows are not looked at). A write of that action then fails as a data error, as a broken database
 * would fail it.
 */
public final class UsageLogRefusal implements AutoCloseable {

    private final String name;

    private UsageLogRefusal(String name) {
        this.name = name;
    }

    public static UsageLogRefusal refuse(String action) throws SQLException {
        String name = "test_refuse_" + action.toLowerCase(Locale.ROOT);
        try (Connection db = PublishedDatasets.database();
                Statement st = db.createStatement()) {
            st.execute(
                    "ALTER TABLE usage_event ADD CONSTRAINT " + name + " CHECK (action <> '" + action + "') NOT VALID");
        }
        return new UsageLogRefusal(name);
    }

    @Override
    public void close() throws SQLException {
        try (Connection db = PublishedDatasets.database();
                Statement st = db.createStatement()) {
            st.execute("ALTER TABLE usage_event DROP CONSTRAINT " + name);
        }
    }
}
