package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        PGSimpleDataSource pool = TestDatabase.dataSource();
        pool.setCurrentSchema(UnroutedPool.SCHEMA);
        assertDoesNotThrow(() -> UnroutedPool.check(pool));
    }

    @Test
    void aPoolWithoutTheSettingFailsNamingIt() throws SQLException {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> UnroutedPool.check(TestDatabase.dataSource()));
        assertTrue(refused.getMessage().contains("currentSchema=_unrouted"), refused.getMessage());
    }

}
