package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Refused e-mail changes are limited per account and hour. */
class EmailChangeThrottleTest {

    private final SignInThrottleTest.MovingClock clock = new SignInThrottleTest.MovingClock();
    private final EmailChangeThrottle throttle = new EmailChangeThrottle(clock);

    @Test
    void anAccountIsRefusedAfterFiveRefusalsInAnHour() {
        for (int i = 0; i < EmailChangeThrottle.MAX_REFUSALS; i++) {
            assertDoesNotThrow(() -> throttle.check("7"));
            throttle.count("7");
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.check("7"));
        assertDoesNotThrow(() -> throttle.check("8"), "other accounts go on");
        clock.pass(Duration.ofHours(1));
        assertDoesNotThrow(() -> throttle.check("7"));
    }
}
