package io.tenantry.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code $DATA_DIR/admin-password}: the development super-user's password, readable by its owner
 * alone, and only while it is true. It is generated when ADMIN_PASSWORD is not set (the super-user
 * is then created with it at first boot); it is checked against the running server and removed
 * when it does not sign in, so {@code cat} never hands out a password that fails.
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

    /**
     * Once the server answers: the password that signs in as the super-user, ADMIN_PASSWORD tried
     * first; the file is left holding it when it was the file's, and removed when it holds one that
     * fails. Empty when neither signs in (the password was changed on the profile page).
     */
    Optional<String> keepTrue(Optional<String> given, Predicate<String> signsIn) throws IOException {
        Optional<String> kept = read();
        Optional<String> working = given.filter(signsIn).or(() -> kept.filter(signsIn));
        if (kept.isPresent() && !kept.equals(working)) {
            Files.delete(file);
        }
        return working;
    }

    private void write(String password) throws IOException {
        // Created unreadable to others before the password is in it.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password);
    }
}
