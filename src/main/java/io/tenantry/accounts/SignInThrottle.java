package io.tenantry.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.tenantry.platform.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows password guessing: after {@value #MAX_FAILURES_PER_NAME} failures for one user name, or
 * {@value #MAX_FAILURES_PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are
 * refused until the oldest failure leaves the window. Names that have no account are counted the
 * same way, so the refusal tells nothing about which accounts exist. Counted per instance.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int MAX_FAILURES_PER_NAME = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final ConcurrentMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** Refuses with the wait when this name or address has failed too often. */
    public void check(String username, String address) {
        Duration wait = max(waitFor(nameKey(username), MAX_FAILURES_PER_NAME),
                waitFor(addressKey(address), MAX_FAILURES_PER_ADDRESS));
        if (!wait.isZero()) {
            throw new TooManyAttemptsException(wait);
        }
    }

    public void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.clear(); // a flood of distinct names must not exhaust the heap
        }
        record(nameKey(username));
        record(addressKey(address));
    }

    public void succeeded(String username) {
        failures.remove(nameKey(username));
    }

    private void record(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            kept.addLast(now);
            while (kept.size() > MAX_FAILURES_PER_ADDRESS) {
                kept.removeFirst();
            }
            return kept;
        });
    }

    private Duration waitFor(String key, int limit) {
        Instant now = clock.instant();
        Duration[] wait = {Duration.ZERO};
        failures.computeIfPresent(key, (k, times) -> {
            times.removeIf(time -> time.plus(WINDOW).isBefore(now));
            if (times.size() >= limit) {
                Instant oldestCounted = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
                wait[0] = Duration.between(now, oldestCounted.plus(WINDOW));
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0];
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String nameKey(String username) {
        return "name:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** Too many failed attempts; says how long to wait, never whether the account exists. */
    public static class TooManyAttemptsException extends RefusedException {

        private final Duration wait;

        TooManyAttemptsException(Duration wait) {
            super("signIn.tooMany", Math.max(1, (wait.toSeconds() + 59) / 60));
            this.wait = wait;
        }

        public Duration retryAfter() {
            return wait;
        }
    }
}
