package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantry.pool.BackendMemoryLimit;

/** DB_CONNECTION_MEMORY_MB: 48 MiB unless set, a whole number of MiB from 2 to 65,536, refused naming the variable. */
class PoolMemoryLimitTest {

    @Test
    void unsetIs48MiBAndAWholeNumberIsMebibytes() {
        assertEquals(48, PoolMemoryLimit.of(Optional.empty()).megabytes());
        assertEquals(48, PoolMemoryLimit.of(Optional.of(" ")).megabytes());
        assertEquals(2, PoolMemoryLimit.of(Optional.of("2")).megabytes());
        assertEquals(65_536, PoolMemoryLimit.of(Optional.of(" 65536 ")).megabytes());
    }

    /** The start-up check and the server's pool (tenantry-pool.jar) read the variable by one rule. */
    @Test
    void theServersPoolReadsTheVariableAsStartUpChecksIt() {
        assertEquals(BackendMemoryLimit.DEFAULT_MB, PoolMemoryLimit.DEFAULT_MB);
        for (String setting : new String[] {"0", "1", "2", " 3 ", "0000100", "48", "65536", "65537", "-1", "1.5", "48MB", "9999999999", "x"}) {
            Integer pools = BackendMemoryLimit.megabytes(setting);
            try {
                assertEquals(pools, PoolMemoryLimit.of(Optional.of(setting)).megabytes(), setting);
            } catch (IllegalStateException refused) {
                assertNull(pools, setting + " is refused at start-up but taken by the pool");
            }
        }
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        for (String wrong : new String[] {"0", "1", "65537", "-1", "1.5", "48MB", "9999999999", "lots"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> PoolMemoryLimit.of(Optional.of(wrong)), wrong);
            assertTrue(refused.getMessage().contains("DB_CONNECTION_MEMORY_MB"), refused.getMessage());
        }
    }
}
