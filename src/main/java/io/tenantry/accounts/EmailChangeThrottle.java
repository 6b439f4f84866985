package io.tenantry.accounts;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits refused e-mail changes per account (the key is the account id): each refusal tells that
 * the address belongs to another account, so a registered person could otherwise test addresses
 * in bulk. At most {@value #MAX_REFUSALS} within {@link #WINDOW}.
 */
@ApplicationScoped
public class EmailChangeThrottle extends WindowedLimit {

    static final int MAX_REFUSALS = 5;
    static final Duration WINDOW = Duration.ofHours(1);

    public EmailChangeThrottle() {
        this(Clock.systemUTC());
    }

    EmailChangeThrottle(Clock clock) {
        super(clock, WINDOW, MAX_REFUSALS, "profile.tooManyRefusals");
    }
}
