package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.TestDatabase;

/**
 * The pool's data source outside the container: its connections behave as the driver's, and a
 * statement prepared where no tenant's transaction is bound carries no tag. The tags themselves are
 * proved in {@link TenantIsolationIT} (plans kept across changes of tenant).
 */
class TenantTaggedDataSourceIT {

    @Test
    void aConnectionIsTheDriversWithoutATagOutsideATenantsTransaction() throws SQLException {
        TenantTaggedDataSource dataSource = new TenantTaggedDataSource();
        try (Connection probe = TestDatabase.connect()) {
            dataSource.setUrl(probe.getMetaData().getURL());
            dataSource.setUser(probe.getMetaData().getUserName());
        }
        dataSource.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
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
}
