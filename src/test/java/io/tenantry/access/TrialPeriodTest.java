package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TrialPeriodTest {

    @Test
    void theTrialIsWholeDaysFromCreationToTheSecond() {
        assertEquals(new TrialPeriod(14), TrialPeriod.of(Optional.empty()));
        assertEquals(new TrialPeriod(14), TrialPeriod.of(Optional.of(" ")));
        assertEquals(Optional.of(Instant.parse("2026-12-31T10:00:00Z")),
                TrialPeriod.of(Optional.of(" 30 ")).endFrom(Instant.parse("2026-12-01T10:00:00.654321Z")));
        assertEquals(Optional.empty(), TrialPeriod.of(Optional.of("0")).endFrom(Instant.now()), "0: no trial");
    }

    @Test
    void anythingButWholeDaysFromZeroTo3650FailsNamingTheVariable() {
        for (String wrong : new String[] {"two weeks", "-1", "1.5", "3651", "99999999999"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> TrialPeriod.of(Optional.of(wrong)), wrong);
            assertTrue(refused.getMessage().startsWith("TENANTS_TRIAL_DAYS is '" + wrong + "', not a whole number of days"),
                    refused.getMessage());
        }
    }
}
