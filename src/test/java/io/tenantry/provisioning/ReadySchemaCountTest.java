package io.tenantry.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** TENANTS_READY_SCHEMAS: 20 unless set, a whole number from 0 to 1,000, refused naming the variable. */
class ReadySchemaCountTest {

    @Test
    void unsetIsTwentyAndAWholeNumberIsTaken() {
        assertEquals(20, ReadySchemaCount.of(Optional.empty()).count());
        assertEquals(20, ReadySchemaCount.of(Optional.of(" ")).count());
        assertEquals(0, ReadySchemaCount.of(Optional.of("0")).count());
        assertEquals(1_000, ReadySchemaCount.of(Optional.of(" 1000 ")).count());
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        for (String wrong : new String[] {"1001", "-1", "1.5", "20k", "99999", "many"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ReadySchemaCount.of(Optional.of(wrong)), wrong);
            assertTrue(refused.getMessage().contains("TENANTS_READY_SCHEMAS"), refused.getMessage());
        }
    }
}
