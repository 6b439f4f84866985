package io.tenantry.accounts;

import java.time.Duration;
import java.util.Optional;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** Too many attempts of one kind; says how long to wait, never whether an account exists. */
public class TooManyAttemptsException extends RefusedException {

    private final Duration wait;

    /** {@code key}: the reason, given the wait in whole minutes. */
    TooManyAttemptsException(String key, Duration wait) {
        super(key, Math.max(1, (wait.toSeconds() + 59) / 60));
        this.wait = wait;
    }

    /** {@code key}: the reason, given the wait in whole minutes ({0}) and what it names ({1}). */
    public TooManyAttemptsException(String key, Duration wait, Object what) {
        super(key, Math.max(1, (wait.toSeconds() + 59) / 60), what);
        this.wait = wait;
    }

    /** How long to wait before trying again: always given. */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(wait);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.TOO_MANY_ATTEMPTS;
    }
}
