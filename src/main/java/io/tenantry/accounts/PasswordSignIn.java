package io.tenantry.accounts;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.tenantry.platform.Meters;
import io.tenantry.platform.TrustedProxies;
import io.tenantry.tenancy.Audited;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One attempt to sign in with a password, from the form or HTTP Basic: the throttle is asked
 * first, then the password checked, and the outcome counted for the account (or the name typed,
 * when no account has it) and the client's address. Wrong passwords and refused attempts are
 * counted in the metrics too ({@code tenantry_signin_failures_total}, {@code tenantry_signin_throttled_total}),
 * never by account or tenant.
 */
@ApplicationScoped
public class PasswordSignIn {

    @Inject
    Accounts accounts;

    @Inject
    SignInThrottle throttle;

    @Inject
    TrustedProxies proxies;

    @Inject
    Event<Audited> audited;

    @Inject
    Meters meters;

    private Counter failures;
    private Counter throttled;

    /** Made at start, not at the first sign-in, so that its counters are there from the first scrape. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // The observer's call makes the bean, and so runs registerCounters.
    }

    /** Registered with their descriptions, so that a scrape shows them (at 0) before the first event. */
    @PostConstruct
    void registerCounters() {
        failures = Counter.builder("tenantry.signin.failures").description("Sign-ins refused for a wrong name or password")
                .register(meters.registry());
        throttled = Counter.builder("tenantry.signin.throttled")
                .description("Sign-ins refused unchecked because the account or address must wait")
                .register(meters.registry());
    }

    /**
     * The account whose password this is, by user name or e-mail address; empty when either is
     * wrong. Throws {@link TooManyAttemptsException} when the account or the address must wait.
     */
    public Optional<Account> attempt(String usernameOrEmail, String password, HttpServletRequest request) {
        String address = proxies.clientAddress(request);
        Optional<Account> named = accounts.findBySignInName(usernameOrEmail);
        String bucket = named.map(account -> SignInThrottle.accountBucket(account.id()))
                .orElseGet(() -> SignInThrottle.nameBucket(usernameOrEmail));
        try {
            throttle.check(bucket, address);
        } catch (TooManyAttemptsException refused) {
            throttled.increment();
            throw refused;
        }
        Optional<Account> account = accounts.authenticate(named, password);
        if (account.isPresent()) {
            throttle.succeeded(bucket, address);
        } else {
            throttle.failed(bucket, address);
            audited.fire(failure(named.map(Account::username)));
            failures.increment();
        }
        return account;
    }

    /**
     * A failed sign-in as the platform's trail keeps it (no tenant's people learn of it): the account
     * named, by its user name, or, when the name typed is no account's, neither that text nor anyone:
     * it is often a password typed into the name field, or a stranger's address.
     */
    static Audited failure(Optional<String> accountNamed) {
        return Audited.onPlatform("signin.failed", accountNamed.orElse("")).by(accountNamed.orElse("anonymous"))
                .kept();
    }
}
