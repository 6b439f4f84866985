package io.tenantry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** AUDIT_RETENTION_DAYS: a whole number of days from 1, 365 unless set; anything else named in the refusal. */
class AuditRetentionTest {

    @Test
    void unsetOrBlankKeepsAYear() {
        assertEquals(365, AuditRetention.of(Optional.empty()).days());
        assertEquals(365, AuditRetention.of(Optional.of(" ")).days());
    }

    @Test
    void aWholeNumberOfDaysIsTaken() {
        assertEquals(30, AuditRetention.of(Optional.of(" 30 ")).days());
        assertEquals(1, AuditRetention.of(Optional.of("1")).days());
    }

    @Test
    void anythingElseIsRefusedNamingTheVariableWithAnExample() {
        for (String wrong : new String[] {"0", "-5", "a year", "1.5", "99999999999", "36501"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> AuditRetention.of(Optional.of(wrong)), wrong);
            assertTrue(refused.getMessage().startsWith("AUDIT_RETENTION_DAYS is '" + wrong + "'"), refused.getMessage());
            assertTrue(refused.getMessage().contains("AUDIT_RETENTION_DAYS=365"), refused.getMessage());
        }
    }
}
