package io.labgate.devlab;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server from the zonky binaries on Maven Central; no installed database needed. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /** Owns LabGate's schema and runs its migrations. */
    public static final String OWNER = "labgate_owner";

    public static final String OWNER_PASSWORD = "labgate-owner-demo";

    /**
     * What LabGate runs as: no ownership of anything, only SELECT and INSERT on the usage log (V25), so it cannot
     * switch the log's triggers off or detach a partition.
     */
    public static final String APP = "labgate_app";

    public static final String APP_PASSWORD = "labgate-app-demo";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL. With a data directory the data survives restarts (the embedded run);
     * without one a fresh throw-away cluster is made (tests).
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedPostgresServer(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * LabGate's two roles ({@link #OWNER}, {@link #APP}) and its database owned by the owner; a database made before
     * there were two roles (objects owned by the superuser) is handed to the owner.
     */
    public void ensureLabGateDatabase(String database) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            for (String[] role : new String[][] {{OWNER, OWNER_PASSWORD}, {APP, APP_PASSWORD}}) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role[0] + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE ROLE " + role[0] + " LOGIN PASSWORD '" + role[1] + "'");
                    }
                }
            }
        }
        ensureDatabase(database);
        try (Connection c = postgres.getDatabase(USER, database).getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + database + "\" OWNER TO " + OWNER);
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            // objects of an embedded default made before the owner role existed
            s.execute("""
                    DO $$
                    DECLARE o record;
                    BEGIN
                        FOR o IN SELECT c.relname, c.relkind FROM pg_class c
                                 JOIN pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v')
                                   AND pg_get_userbyid(c.relowner) = current_user
                                   -- an extension's objects stay its own; a table's own sequences follow it
                                   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                                   WHERE d.objid = c.oid AND (d.deptype = 'e'
                                                       OR c.relkind = 'S' AND d.deptype IN ('a', 'i'))) LOOP
                            EXECUTE format('ALTER %s %I OWNER TO %I',
                                CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
                                o.relname, '{owner}');
                        END LOOP;
                        FOR o IN SELECT p.oid::regprocedure AS f FROM pg_proc p
                                 JOIN pg_namespace n ON n.oid = p.pronamespace
                                 WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = current_user
                                   -- an extension's functions stay its own
                                   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                                   WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
                            EXECUTE format('ALTER FUNCTION %s OWNER TO %I', o.f, '{owner}');
                        END LOOP;
                    END
                    $$""".replace("{owner}", OWNER));
        }
    }

    /** Creates the database unless it exists already. */
    public void ensureDatabase(String database) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE \"" + database + "\"");
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
