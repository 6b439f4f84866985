package io.tenantry.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** TENANT_STORAGE_MAX_MB: 1024 MiB unless set, a whole number of MiB from 1, refused naming the variable. */
class StorageLimitTest {

    @Test
    void unsetIsAGibibyteAndAWholeNumberIsMebibytes() {
        assertEquals(1024L * 1024 * 1024, StorageLimit.of(Optional.empty()).maxBytes());
        assertEquals(1024L * 1024 * 1024, StorageLimit.of(Optional.of(" ")).maxBytes());
        assertEquals(5L * 1024 * 1024, StorageLimit.of(Optional.of("5")).maxBytes());
        assertEquals(5, StorageLimit.of(Optional.of(" 5 ")).megabytes());
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        for (String wrong : new String[] {"0", "-1", "1.5", "1GB", "99999999999", "lots"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> StorageLimit.of(Optional.of(wrong)), wrong);
            assertTrue(refused.getMessage().contains("TENANT_STORAGE_MAX_MB"), refused.getMessage());
        }
    }
}
