package io.tenantry.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The pool's own reading of DB_CONNECTION_MEMORY_MB (tenantry-pool.jar, loaded by the server): the
 * system property wins over the variable, as in MicroProfile Config, and a wrong value leaves the
 * default (the application's start-up refuses it, {@code platform.PoolMemoryLimitTest}).
 */
class BackendMemoryLimitTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void thePropertyWinsOverTheVariableAndUnsetIsTheDefault() {
        assertEquals(96 * MIB, BackendMemoryLimit.configured("96", "200").limitBytes());
        assertEquals(200 * MIB, BackendMemoryLimit.configured(null, "200").limitBytes());
        assertEquals(BackendMemoryLimit.DEFAULT_MB * MIB, BackendMemoryLimit.configured(null, null).limitBytes());
        assertEquals(BackendMemoryLimit.DEFAULT_MB * MIB, BackendMemoryLimit.configured(" ", null).limitBytes());
    }

    @Test
    void aWrongValueLeavesTheDefault() {
        for (String wrong : new String[] {"0", "1", "65537", "1.5", "48MB", "9999999999", "lots"}) {
            assertNull(BackendMemoryLimit.megabytes(wrong), wrong);
            assertEquals(BackendMemoryLimit.DEFAULT_MB * MIB, BackendMemoryLimit.configured(wrong, "96").limitBytes(), wrong);
        }
        assertEquals(4, BackendMemoryLimit.megabytes(" 4 "));
    }
}
