package io.tenantry.accounts;

import java.util.Optional;

import io.tenantry.platform.WholeNumberSetting;

/**
 * PASSWORD_ITERATIONS: how many PBKDF2-HMAC-SHA512 iterations a new password hash takes (210,000
 * unless set, OWASP's 2023 figure; at least 1,024, the least Jakarta Security's PBKDF2 takes, above
 * the 1,000 of RFC 8018 section 4.2). A hash already stored is checked at the count it was made
 * with and made again at this one at the next sign-in ({@link Passwords#isOutdated}). Each sign-in with a password, and each call with Basic credentials, costs one
 * hash: about 0.1 to 0.3 s of a core at the default. Lower it only where the passwords guard
 * nothing, such as a test server.
 */
public record PasswordIterations(int count) {

    static final int DEFAULT = 210_000;
    private static final int LEAST = 1_024;
    private static final int MOST = 10_000_000;

    /** The checked setting; an {@link IllegalStateException} naming the variable when it is wrong. */
    public static PasswordIterations of(Optional<String> iterations) {
        return new PasswordIterations((int) WholeNumberSetting.of("PASSWORD_ITERATIONS", iterations, "", LEAST, MOST, DEFAULT,
                600_000));
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "password hashes of " + count + " PBKDF2 iterations";
    }
}
