package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Counting failures per account and per address, on a clock the test moves. */
class SignInThrottleTest {

    private final MovingClock clock = new MovingClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);
    private final String jane = SignInThrottle.accountBucket(7);

    @Test
    void anAccountIsRefusedAfterFiveFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            assertDoesNotThrow(() -> throttle.check(jane, "10.0.0.1"));
            throttle.failed(jane, "10.0.0." + i);
            clock.pass(Duration.ofMinutes(1));
        }
        TooManyAttemptsException refused = assertThrows(TooManyAttemptsException.class,
                () -> throttle.check(jane, "10.0.0.99"));
        assertEquals(Duration.ofMinutes(10), refused.retryAfter().orElseThrow(), "15 minutes after the first failure");
        assertDoesNotThrow(() -> throttle.check(SignInThrottle.accountBucket(8), "10.0.0.99"), "other accounts go on");

        clock.pass(Duration.ofMinutes(10));
        assertDoesNotThrow(() -> throttle.check(jane, "10.0.0.99"));
    }

    @Test
    void namesWithoutAnAccountAreCountedAlikeWhateverTheirCase() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            throttle.failed(SignInThrottle.nameBucket("Ghost"), "10.0.0." + i);
        }
        assertThrows(TooManyAttemptsException.class,
                () -> throttle.check(SignInThrottle.nameBucket(" ghost"), "10.0.0.99"));
    }

    @Test
    void anAddressIsRefusedAfterTwentyFailuresOverManyNames() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed(SignInThrottle.nameBucket("name" + i), "10.0.0.1");
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.check(jane, "10.0.0.1"));
        assertDoesNotThrow(() -> throttle.check(jane, "10.0.0.2"));
    }

    @Test
    void aStrangersFailuresDoNotLockTheOwnerOutOfAnAddressThatSignedInBefore() {
        throttle.succeeded(jane, "192.0.2.10");
        clock.pass(Duration.ofDays(3));
        for (int i = 0; i < 3 * SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            throttle.failed(jane, "203.0.113." + i);
        }

        assertThrows(TooManyAttemptsException.class, () -> throttle.check(jane, "198.51.100.1"), "strangers wait");
        assertDoesNotThrow(() -> throttle.check(jane, "192.0.2.10"), "the owner's address does not");
    }

    @Test
    void aKnownAddressIsStillRefusedAfterItsOwnFiveFailures() {
        throttle.succeeded(jane, "192.0.2.10");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            throttle.failed(jane, "192.0.2.10");
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.check(jane, "192.0.2.10"));
    }

    @Test
    void anAddressIsForgottenAfterThirtyDays() {
        throttle.succeeded(jane, "192.0.2.10");
        clock.pass(SignInThrottle.KNOWN_FOR);
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            throttle.failed(jane, "203.0.113." + i);
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.check(jane, "192.0.2.10"));
    }

    /** A clock that moves only when told. */
    static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
