package io.tenantry.accounts;

import java.time.Clock;
import java.time.Duration;

/**
 * At most so many counted attempts per key (an address, an account) within a sliding window;
 * past it, {@link TooManyAttemptsException} saying how long to wait. Counted per instance, in
 * memory ({@link AttemptLog}). Each limit is a subclass naming its numbers and its refusal.
 */
public abstract class WindowedLimit {

    private final AttemptLog attempts;
    private final int max;
    private final String refusal;

    /** {@code refusal}: the reason's key, given the wait in whole minutes ({0}) and {@code max} ({1}). */
    protected WindowedLimit(Clock clock, Duration window, int max, String refusal) {
        this.attempts = new AttemptLog(clock, window, max);
        this.max = max;
        this.refusal = refusal;
    }

    /** Refuses, with the wait, when the key has reached the limit. */
    public void check(String key) {
        Duration wait = attempts.waitFor(key, max);
        if (!wait.isZero()) {
            throw new TooManyAttemptsException(refusal, wait, max);
        }
    }

    /** Counts one attempt of the key. */
    public void count(String key) {
        attempts.record(key);
    }
}
