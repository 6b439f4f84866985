package io.tenantry.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Connections of their own to the database DB_URL names (with DB_USER and DB_PASSWORD), outside the
 * server's pool and its transactions: for a connection held for long ({@code LISTEN}) or one whose
 * transaction must not be the caller's (a restore's lock). The caller closes each.
 */
@ApplicationScoped
public class UnpooledConnections {

    @Inject
    @ConfigProperty(name = "db.url")
    String url;

    @Inject
    @ConfigProperty(name = "db.user", defaultValue = "postgres")
    String user;

    @Inject
    @ConfigProperty(name = "db.password")
    Optional<String> password;

    /** A new connection, in auto-commit; {@link SQLException} when the database cannot be reached. */
    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password.orElse(""));
    }
}
