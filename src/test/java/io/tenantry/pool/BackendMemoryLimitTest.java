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

    /** Half the room left, at the fastest growth seen or 64 KiB a handout if faster, from the least to the most apart. */
    @Test
    void readingsAreAsFarApartAsHalfTheRoomLeftAtTheFastestGrowth() {
        long kib = 1024;
        assertEquals(100, BackendMemoryLimit.handoutsApart(200 * 64 * kib, 0, 64, 256), "64 KiB a handout when it grew slower");
        assertEquals(100, BackendMemoryLimit.handoutsApart(200 * 64 * kib, 32 * kib, 64, 256));
        assertEquals(80, BackendMemoryLimit.handoutsApart(200 * 64 * kib, 80 * kib, 64, 256), "its own growth when faster");
        assertEquals(256, BackendMemoryLimit.handoutsApart(2_000 * 64 * kib, 0, 64, 256), "at most the most apart");
        assertEquals(64, BackendMemoryLimit.handoutsApart(10 * 64 * kib, 0, 64, 256), "near the limit, the least apart");
        assertEquals(64, BackendMemoryLimit.handoutsApart(-MIB, 0, 64, 256), "above it (one refused), the least apart");
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
