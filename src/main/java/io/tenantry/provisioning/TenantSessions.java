package io.tenantry.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends the database sessions that hold locks on a tenant's tables, on any instance, so that a
 * deletion is not kept waiting (or deadlocked) by a transaction of the tenant it is dropping.
 */
@ApplicationScoped
public class TenantSessions {

    private static final Logger LOG = Logger.getLogger(TenantSessions.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Terminates every other session holding a lock on an object of the schema; returns how many. */
    public int endThoseWorkingIn(SchemaName schema) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement terminate = connection.prepareStatement(
                     "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM (SELECT DISTINCT l.pid "
                             + "FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                             + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                             + "WHERE n.nspname = ? AND l.pid <> pg_backend_pid()) holders")) {
            terminate.setString(1, schema.value());
            try (ResultSet row = terminate.executeQuery()) {
                row.next();
                int ended = row.getInt(1);
                LOG.warning("Ended " + ended + " database session(s) working in " + schema + " to delete it");
                return ended;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the sessions working in " + schema + ": " + e.getMessage(), e);
        }
    }
}
