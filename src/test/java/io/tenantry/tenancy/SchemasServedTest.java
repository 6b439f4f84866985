package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SchemasServedTest {

    @Test
    void unsetOrBlankIsTheDefaultAndAWholeNumberInRangeIsTaken() {
        assertEquals(SchemasServed.DEFAULT, SchemasServed.of(Optional.empty()).most());
        assertEquals(SchemasServed.DEFAULT, SchemasServed.of(Optional.of("  ")).most());
        assertEquals(1, SchemasServed.of(Optional.of("1")).most());
        assertEquals(750, SchemasServed.of(Optional.of(" 750 ")).most());
    }

    @Test
    void anythingElseFailsNamingTheVariable() {
        for (String wrong : new String[] {"0", "-5", "200MB", "1e3", "1000001", "99999999999999999999"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SchemasServed.of(Optional.of(wrong)), wrong);
            assertTrue(e.getMessage().startsWith("DB_CONNECTION_SCHEMAS is '" + wrong + "'"), e.getMessage());
        }
    }
}
