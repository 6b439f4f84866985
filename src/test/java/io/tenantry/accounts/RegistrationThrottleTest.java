package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Registering from one address is limited per hour. */
class RegistrationThrottleTest {

    private final SignInThrottleTest.MovingClock clock = new SignInThrottleTest.MovingClock();
    private final RegistrationThrottle throttle = new RegistrationThrottle(clock);

    @Test
    void anAddressIsRefusedAfterTenAttemptsInAnHour() {
        for (int i = 0; i < RegistrationThrottle.MAX_PER_ADDRESS; i++) {
            assertDoesNotThrow(() -> throttle.check("10.0.0.1"));
            throttle.count("10.0.0.1");
        }
        TooManyAttemptsException refused = assertThrows(TooManyAttemptsException.class,
                () -> throttle.check("10.0.0.1"));
        assertEquals(Duration.ofHours(1), refused.retryAfter().orElseThrow());
        assertDoesNotThrow(() -> throttle.check("10.0.0.2"), "other addresses go on");

        clock.pass(Duration.ofHours(1));
        assertDoesNotThrow(() -> throttle.check("10.0.0.1"));
    }
}
