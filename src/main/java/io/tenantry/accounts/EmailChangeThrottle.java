package io.tenantry.accounts;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits refused e-mail changes on the profile per account: each refusal tells that the address
 * belongs to another account, so a registered person could otherwise test addresses in bulk. At
 * most {@value #MAX_REFUSALS} within {@link #WINDOW}. Counted per instance, in memory.
 */
@ApplicationScoped
public class EmailChangeThrottle {

    static final int MAX_REFUSALS = 5;
    static final Duration WINDOW = Duration.ofHours(1);

    private final AttemptLog refusals;

    public EmailChangeThrottle() {
        this(Clock.systemUTC());
    }

    EmailChangeThrottle(Clock clock) {
        refusals = new AttemptLog(clock, WINDOW, MAX_REFUSALS);
    }

    /** Refuses, saying how long to wait, when the account has reached the limit. */
    public void check(long accountId) {
        Duration wait = refusals.waitFor(Long.toString(accountId), MAX_REFUSALS);
        if (!wait.isZero()) {
            throw new TooManyAttemptsException("profile.tooManyRefusals", wait);
        }
    }

    public void refused(long accountId) {
        refusals.record(Long.toString(accountId));
    }
}
