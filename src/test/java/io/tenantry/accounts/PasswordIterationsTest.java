package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** PASSWORD_ITERATIONS: 210,000 unless set, a whole number from 1,024, refused naming the variable. */
class PasswordIterationsTest {

    @Test
    void unsetIsOwaspsFigureAndAWholeNumberIsTaken() {
        assertEquals(210_000, PasswordIterations.of(Optional.empty()).count());
        assertEquals(210_000, PasswordIterations.of(Optional.of(" ")).count());
        assertEquals(1_024, PasswordIterations.of(Optional.of("1024")).count());
        assertEquals(600_000, PasswordIterations.of(Optional.of(" 600000 ")).count());
    }

    @Test
    void fewerThanJakartaSecurityTakesOrAnythingElseIsRefusedNamingTheVariable() {
        for (String wrong : new String[] {"1023", "0", "-1", "1.5", "210k", "99999999999", "lots"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> PasswordIterations.of(Optional.of(wrong)), wrong);
            assertTrue(refused.getMessage().contains("PASSWORD_ITERATIONS"), refused.getMessage());
        }
    }
}
