package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle();

    @Test
    void aNameIsRefusedAfterFiveFailuresWhateverItsCase() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_NAME; i++) {
            assertDoesNotThrow(() -> throttle.check("Jane", "10.0.0.1"));
            throttle.failed("Jane", "10.0.0." + i);
        }
        SignInThrottle.TooManyAttemptsException refused = assertThrows(SignInThrottle.TooManyAttemptsException.class,
                () -> throttle.check("jane", "10.0.0.99"));
        assertTrue(refused.retryAfter().toMinutes() >= 14, refused.retryAfter().toString());
        assertDoesNotThrow(() -> throttle.check("john", "10.0.0.99"), "other names are not affected");
    }

    @Test
    void anAddressIsRefusedAfterTwentyFailuresOverManyNames() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("name" + i, "10.0.0.1");
        }
        assertThrows(SignInThrottle.TooManyAttemptsException.class, () -> throttle.check("fresh", "10.0.0.1"));
        assertDoesNotThrow(() -> throttle.check("fresh", "10.0.0.2"));
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddress() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_NAME; i++) {
            throttle.failed("jane", "10.0.0.1");
        }
        throttle.succeeded("jane");
        assertDoesNotThrow(() -> throttle.check("jane", "10.0.0.1"));
    }
}
