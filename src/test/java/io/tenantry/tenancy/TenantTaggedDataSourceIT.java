package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantry.platform.DatabaseUnavailable;
import io.tenantry.testing.TestDatabase;

/**
 * The tagging wrapper around a pool, outside the container: its connections behave as the pool's, and a
 * statement prepared where no tenant's transaction is bound carries no tag, and in a tenant's transaction
 * a connection that is not inside a database transaction takes no statement. The tags' effect is proved in
 * {@link TenantIsolationIT} (plans kept across changes of tenant).
 */
class TenantTaggedDataSourceIT {

    @Test
    void aConnectionIsTheDriversWithoutATagOutsideATenantsTransaction() throws SQLException {
        TenantTaggedDataSource dataSource = new TenantTaggedDataSource(TestDatabase.dataSource());
        try (Connection connection = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            assertEquals(connection, connection);
            assertNotEquals(connection, other);
            try (PreparedStatement statement = connection.prepareStatement("SELECT 'plain'");
                    ResultSet row = statement.executeQuery()) {
                row.next();
                assertEquals("plain", row.getString(1));
                assertEquals("SELECT 'plain'", statement.toString());
            }
        }
    }

    @Test
    void aTenantsStatementIsTaggedInsideADatabaseTransaction() throws SQLException {
        TenantTaggedDataSource dataSource = new TenantTaggedDataSource(TestDatabase.dataSource(), () -> Optional.of(new SchemaName("acme")));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT 'tagged'")) {
                assertEquals("/*acme*/ SELECT 'tagged'", statement.toString());
            }
            connection.rollback();
        }
    }

    /** The route to a tenant's schema is one statement for every tenant ({@link SchemaRouting}), refused as tagged ones are. */
    @Test
    void aStatementPreparedUntaggedCarriesNoTagAndIsRefusedOutsideADatabaseTransaction() throws SQLException {
        TenantTaggedDataSource dataSource = new TenantTaggedDataSource(TestDatabase.dataSource(), () -> Optional.of(new SchemaName("acme")));
        try (Connection connection = dataSource.getConnection()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> TenantTaggedDataSource.prepareUntagged(connection, "SELECT 'route'"));
            assertEquals("08003", refused.getSQLState());
            connection.setAutoCommit(false);
            try (PreparedStatement statement = TenantTaggedDataSource.prepareUntagged(connection, "SELECT 'route'");
                    ResultSet row = statement.executeQuery()) {
                row.next();
                assertEquals("route", row.getString(1));
                assertEquals("SELECT 'route'", statement.toString());
            }
            connection.rollback();
        }
    }

    /**
     * The route to the tenant's schema lasts as long as the database transaction ({@link SchemaRouting}):
     * a connection of the tenant's transaction found in auto-commit has lost it (the pool ended its
     * transaction under it, as Payara's fail-all-connections did during a database restart), and a statement
     * there would run on no tenant's schema, or outside the transaction. Refused as a lost connection (503).
     */
    @Test
    void aTenantsStatementOnAConnectionOutsideADatabaseTransactionIsRefusedAsALostConnection() throws SQLException {
        TenantTaggedDataSource dataSource = new TenantTaggedDataSource(TestDatabase.dataSource(), () -> Optional.of(new SchemaName("acme")));
        try (Connection connection = dataSource.getConnection()) {
            SQLException refused = assertThrows(SQLException.class, () -> connection.prepareStatement("SELECT 1"));
            assertEquals("08003", refused.getSQLState());
            assertTrue(DatabaseUnavailable.causedIt(new IllegalStateException(refused)));
            assertThrows(SQLException.class, () -> connection.prepareCall("SELECT 1"));
        }
    }
}
