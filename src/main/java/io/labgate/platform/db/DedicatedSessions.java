package io.labgate.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.Driver;

/**
 * PostgreSQL sessions of their own, outside the connection pool, with the application's credentials: for what
 * must hold one session for as long as the process lives (the replica's advisory lock, the change feed's LISTEN),
 * which a pooled connection could neither promise nor spare.
 */
@ApplicationScoped
public class DedicatedSessions {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /**
     * A new session, named {@code applicationName} in {@code pg_stat_activity}, with TCP keep-alive.
     *
     * @param socketTimeoutSeconds how long a read may wait before the session counts as broken; 0 for ever
     */
    public Connection open(String applicationName, int socketTimeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return connection;
    }
}
