package io.tenantry.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code $DATA_DIR/admin-password}: the development super-user's password, readable by its owner
 * alone, and only while it is true. It is generated when ADMIN_PASSWORD is not set (the super-user
 * is then created with it at first boot); it is checked against the running server and removed
 * when the server refuses it, so {@code cat} never hands out a password that fails.
 */
final class PasswordFile {

    private final Path file;

    PasswordFile(Path file) {
        this.file = file;
    }

    /** The password kept, if any. */
    Optional<String> read() throws IOException {
        return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    /** The password to start the server with: ADMIN_PASSWORD when given, else the one kept, else a new one (kept). */
    String forStart(Optional<String> given) throws IOException {
        if (given.isPresent()) {
            return given.get();
        }
        Optional<String> kept = read();
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        write(password);
        return password;
    }

    /** What the running server said to a sign-in with a password. */
    enum SignIn {
        /** Signed in (200). */
        SIGNS_IN,
        /** Refused (401): the password is not the super-user's. */
        REFUSED,
        /** No answer that tells (a timeout, 429, 503 on a busy machine): the password may still be right. */
        UNANSWERED
    }

    /**
     * Once the server answers: the password to show for the super-user, ADMIN_PASSWORD tried first. The
     * file is removed only when the server refuses the password it holds (or ADMIN_PASSWORD signs in and
     * the file holds another): never on a doubt, as it may be the only copy of a generated password.
     * Empty when neither signs in (the password was changed on the profile page).
     */
    Optional<String> keepTrue(Optional<String> given, Function<String, SignIn> check) throws IOException {
        Optional<String> kept = read();
        SignIn givenAnswer = given.map(check).orElse(SignIn.REFUSED);
        if (givenAnswer == SignIn.SIGNS_IN) {
            if (kept.isPresent() && !kept.equals(given)) {
                Files.delete(file); // the super-user's password is ADMIN_PASSWORD, so not the file's
            }
            return given;
        }
        if (kept.isPresent()) {
            SignIn keptAnswer = kept.equals(given) ? givenAnswer : check.apply(kept.get());
            if (keptAnswer != SignIn.REFUSED) {
                return kept;
            }
            Files.delete(file);
        }
        return givenAnswer == SignIn.UNANSWERED ? given : Optional.empty();
    }

    private void write(String password) throws IOException {
        // Created unreadable to others before the password is in it.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password);
    }
}
