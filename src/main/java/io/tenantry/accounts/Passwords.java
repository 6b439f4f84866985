package io.tenantry.accounts;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Hashes and checks passwords with PBKDF2-HMAC-SHA512 (Jakarta Security's {@link Pbkdf2PasswordHash}),
 * a new hash at {@link PasswordIterations} (210,000 unless PASSWORD_ITERATIONS says otherwise), a
 * stored one at the count it names.
 */
@ApplicationScoped
public class Passwords {

    /** The algorithm, also the first field of every stored hash ({@code algorithm:iterations:salt:key}). */
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    PasswordIterations iterations;

    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations.count()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash(Secrets.random());
    }

    /** A hash no password matches, checked when there is no account so that a miss takes as long as a hit. */
    String decoy() {
        return decoy;
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /**
     * Whether {@code stored} was made at another count than PASSWORD_ITERATIONS now sets: made again at
     * the next sign-in ({@link Accounts#authenticate}), so that a raised count protects passwords already
     * set, and a known name's check costs what an unknown name's {@link #decoy()} does.
     */
    boolean isOutdated(String stored) {
        return !stored.startsWith(ALGORITHM + ":" + iterations.count() + ":");
    }

    public boolean matches(String password, String stored) {
        return hash.verify(password.toCharArray(), stored);
    }
}
