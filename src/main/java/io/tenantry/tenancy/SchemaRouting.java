package io.tenantry.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Routes every connection EclipseLink acquires to the schema of the tenant bound to the current
 * transaction, with {@code SET search_path}, before its first statement. Every acquisition sets it
 * afresh, so what a pooled connection last served never reaches an EclipseLink query; a connection
 * with no tenant bound is pointed at a schema that does not exist, so an unrouted query on a tenant
 * table fails instead of reading the wrong data. Shared tables are always qualified with
 * {@code public}, and so is every SQL statement the application runs outside EclipseLink.
 *
 * <p>Session-level SET, not SET LOCAL: Payara hands EclipseLink's read connections out in
 * auto-commit mode even inside a JTA transaction, where SET LOCAL would be void.
 *
 * <p>This replaces EclipseLink's TABLE_PER_TENANT strategy, whose per-EntityManager descriptor
 * cloning hangs under concurrency and drops foreign keys on EclipseLink 4.0.7 (eclipselink#2406);
 * see docs/architecture.md for the measurements.
 */
public class SchemaRouting extends SessionEventAdapter {

    private static final SchemaName UNROUTED = new SchemaName("_unrouted");

    @Override
    public void postAcquireConnection(SessionEvent event) {
        Connection connection = ((Accessor) event.getResult()).getConnection();
        SchemaName schema = TransactionTenant.bound().orElse(UNROUTED);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema.quoted());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not route the connection to the tenant's schema", e);
        }
    }
}
