package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.tenantry.testing.TestDatabase;

/**
 * The tagging wrapper around a pool, outside the container: its connections behave as the pool's, and a
 * statement prepared where no tenant's transaction is bound carries no tag. The tags themselves are
 * proved in {@link TenantIsolationIT} (plans kept across changes of tenant).
 */
class TenantTaggedDataSourceIT {

    @Test
    void aConnectionIsTheDriversWithoutATagOutsideATenantsTransaction() throws SQLException {
        PGSimpleDataSource pool = new PGSimpleDataSource();
        try (Connection probe = TestDatabase.connect()) {
            pool.setUrl(probe.getMetaData().getURL());
            pool.setUser(probe.getMetaData().getUserName());
        }
        pool.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
        TenantTaggedDataSource dataSource = new TenantTaggedDataSource(pool);
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
