package io.tenantry.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows password guessing, per account and per source address, within {@link #WINDOW}:
 * <ul>
 * <li>an account is refused after {@value #MAX_FAILURES_PER_ACCOUNT} failures: its user name and
 * its e-mail address are one bucket ({@link #accountBucket}); a name without an account is a
 * bucket of its own, counted alike ({@link #nameBucket}), so the refusal tells nothing about
 * which accounts exist;</li>
 * <li>an address is refused after {@value #MAX_FAILURES_PER_ADDRESS} failures, whatever names;</li>
 * <li>an address that signed in to the account before (within {@link #KNOWN_FOR}) is not refused
 * for the account's failures, only for its own {@value #MAX_FAILURES_PER_ACCOUNT}: a stranger
 * guessing elsewhere cannot lock the owner out.</li>
 * </ul>
 * A refused attempt is not counted. Counted per instance, in memory.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration KNOWN_FOR = Duration.ofDays(30);
    private static final int MAX_KNOWN_ADDRESSES = 100_000;

    private final AttemptLog failures;
    private final ConcurrentMap<String, Instant> knownAddresses = new ConcurrentHashMap<>();

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        failures = new AttemptLog(clock, WINDOW, MAX_FAILURES_PER_ADDRESS);
    }

    /** The bucket of an existing account, whichever of its name or e-mail address is typed. */
    public static String accountBucket(long accountId) {
        return "account:" + accountId;
    }

    /** The bucket of a name or address that no account has, as typed (case aside). */
    public static String nameBucket(String typed) {
        return "name:" + (typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT));
    }

    /** Refuses, saying how long to wait, when the bucket or the address has failed too often. */
    public void check(String bucket, String address) {
        Duration forBucket = isKnown(bucket, address)
                ? failures.waitFor(fromAddress(bucket, address), MAX_FAILURES_PER_ACCOUNT)
                : failures.waitFor(bucket, MAX_FAILURES_PER_ACCOUNT);
        Duration forAddress = failures.waitFor(addressKey(address), MAX_FAILURES_PER_ADDRESS);
        Duration wait = forBucket.compareTo(forAddress) >= 0 ? forBucket : forAddress;
        if (!wait.isZero()) {
            throw new TooManyAttemptsException("signIn.tooMany", wait);
        }
    }

    public void failed(String bucket, String address) {
        failures.record(bucket);
        failures.record(fromAddress(bucket, address));
        failures.record(addressKey(address));
    }

    /**
     * Remembers the address as the account's own and forgets its failures there; the account's
     * failures elsewhere still count for strangers.
     */
    public void succeeded(String bucket, String address) {
        if (knownAddresses.size() > MAX_KNOWN_ADDRESSES) {
            knownAddresses.clear(); // bounded: at worst, owners are strangers until they sign in again
        }
        knownAddresses.put(fromAddress(bucket, address), failures.now());
        failures.forget(fromAddress(bucket, address));
    }

    private boolean isKnown(String bucket, String address) {
        Instant signedIn = knownAddresses.get(fromAddress(bucket, address));
        return signedIn != null && signedIn.plus(KNOWN_FOR).isAfter(failures.now());
    }

    private static String fromAddress(String bucket, String address) {
        return bucket + " from " + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
