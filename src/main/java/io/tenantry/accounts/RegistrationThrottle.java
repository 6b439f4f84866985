package io.tenantry.accounts;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits registering from one address: at most {@value #MAX_PER_ADDRESS} requests for a link and
 * refused completions (a taken user name, say) within {@link #WINDOW}, so the form can neither
 * mail many addresses nor try user names in bulk. Counted per instance, in memory.
 */
@ApplicationScoped
public class RegistrationThrottle {

    static final int MAX_PER_ADDRESS = 10;
    static final Duration WINDOW = Duration.ofHours(1);

    private final AttemptLog attempts;

    public RegistrationThrottle() {
        this(Clock.systemUTC());
    }

    RegistrationThrottle(Clock clock) {
        attempts = new AttemptLog(clock, WINDOW, MAX_PER_ADDRESS);
    }

    /** Refuses, saying how long to wait, when the address has reached the limit. */
    public void check(String address) {
        Duration wait = attempts.waitFor(address, MAX_PER_ADDRESS);
        if (!wait.isZero()) {
            throw new TooManyAttemptsException("register.tooMany", wait);
        }
    }

    public void counted(String address) {
        attempts.record(address);
    }
}
