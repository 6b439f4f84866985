package io.tenantry.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Checks that the server's pool opens its connections on the schema {@code _unrouted}, which does
 * not exist, so that a query that was never routed to a tenant fails instead of reading whatever
 * the search_path finds. The pool is defined by the server (payara-config/, wildfly-config/), no
 * longer by the WAR, so an operator's own definition may lack the setting; start-up checks it first.
 */
public final class UnroutedPool {

    /** The schema every pooled connection starts on. */
    public static final String SCHEMA = "_unrouted";

    private UnroutedPool() {
    }

    /**
     * @throws IllegalStateException naming the pool property to set when a connection of
     *     {@code pool} starts on another search_path
     * @throws SQLException when the database cannot be asked
     */
    public static void check(DataSource pool) throws SQLException {
        check(pool, Database.JNDI_NAME);
    }

    /** As {@link #check(DataSource)}, for the pool the message calls {@code name}. */
    public static void check(DataSource pool, String name) throws SQLException {
        try (Connection connection = Database.connection(pool); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW search_path")) {
            row.next();
            String searchPath = row.getString(1);
            if (!searchPath.equals(SCHEMA)) {
                throw new IllegalStateException("The connection pool " + name + " opens connections on the search_path '"
                        + searchPath + "', not on " + SCHEMA + ": give the pool the property currentSchema=" + SCHEMA
                        + " (payara-config/post-boot-commands.asadmin, wildfly-config/), so that unrouted queries fail");
            }
        }
    }
}
