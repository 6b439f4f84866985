package io.tenantry.accounts;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits registering from one client address: at most {@value #MAX_PER_ADDRESS} requests for a
 * link and refused completions (a taken user name, say) within {@link #WINDOW}, so the form can
 * neither mail many addresses nor try user names in bulk.
 */
@ApplicationScoped
public class RegistrationThrottle extends WindowedLimit {

    static final int MAX_PER_ADDRESS = 10;
    static final Duration WINDOW = Duration.ofHours(1);

    public RegistrationThrottle() {
        this(Clock.systemUTC());
    }

    RegistrationThrottle(Clock clock) {
        super(clock, WINDOW, MAX_PER_ADDRESS, "register.tooMany");
    }
}
