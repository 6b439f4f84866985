package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.tenantry.testing.TestDatabase;

/**
 * The start-up check of a pool the server defines: one opening connections on {@code _unrouted}
 * passes; one without that property fails, naming the property to set.
 */
class UnroutedPoolIT {

    @Test
    void aPoolOnUnroutedPasses() throws SQLException {
        PGSimpleDataSource pool = pool();
        pool.setCurrentSchema(UnroutedPool.SCHEMA);
        assertDoesNotThrow(() -> UnroutedPool.check(pool));
    }

    @Test
    void aPoolWithoutTheSettingFailsNamingIt() throws SQLException {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> UnroutedPool.check(pool()));
        assertTrue(refused.getMessage().contains("currentSchema=_unrouted"), refused.getMessage());
    }

    private static PGSimpleDataSource pool() throws SQLException {
        PGSimpleDataSource pool = new PGSimpleDataSource();
        try (Connection probe = TestDatabase.connect()) {
            pool.setUrl(probe.getMetaData().getURL());
            pool.setUser(probe.getMetaData().getUserName());
        }
        pool.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
        return pool;
    }
}
