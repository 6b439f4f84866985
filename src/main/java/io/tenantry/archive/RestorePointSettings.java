package io.tenantry.archive;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The restore points' settings: RESTORE_POINTS_AT, the time of day (UTC, {@code HH:mm}) at which
 * each tenant's scheduled point is taken (unset: no schedule; points are then taken only by hand
 * and before each restore); RESTORE_POINTS_KEEP, how many of a tenant's newest points are kept (7
 * unless set, 1 to 1000); RESTORE_POINTS_DIR, where they are kept ({@code .restore-points} in
 * FILES_ROOT unless set: a name no tenant's folder can have, which the start-up sweep of
 * FILES_ROOT never touches).
 */
public record RestorePointSettings(Optional<LocalTime> at, int keep, Path folder) {

    static final int DEFAULT_KEEP = 7;
    private static final int MAX_KEEP = 1000;
    static final String DEFAULT_FOLDER = ".restore-points";

    /** The checked settings; an {@link IllegalStateException} naming the variable when one is wrong. */
    public static RestorePointSettings of(Optional<String> at, Optional<String> keep, Optional<String> folder,
            Optional<String> filesRoot) {
        return new RestorePointSettings(timeOf(at), keepOf(keep), folderOf(folder, filesRoot));
    }

    private static Optional<LocalTime> timeOf(Optional<String> at) {
        if (at.isEmpty() || at.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(at.get().strip(), DateTimeFormatter.ofPattern("HH:mm")));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("RESTORE_POINTS_AT is '" + at.get() + "', not a time of day as HH:mm (UTC). "
                    + "Set it, for example RESTORE_POINTS_AT=02:30, or leave it unset for no scheduled restore points.");
        }
    }

    private static int keepOf(Optional<String> keep) {
        if (keep.isEmpty() || keep.get().isBlank()) {
            return DEFAULT_KEEP;
        }
        String text = keep.get().strip();
        if (text.matches("[0-9]{1,4}")) {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= MAX_KEEP) {
                return count;
            }
        }
        throw new IllegalStateException("RESTORE_POINTS_KEEP is '" + keep.get() + "', not a whole number from 1 to "
                + MAX_KEEP + ". Set it, for example RESTORE_POINTS_KEEP=7, or leave it unset for " + DEFAULT_KEEP + ".");
    }

    private static Path folderOf(Optional<String> folder, Optional<String> filesRoot) {
        if (folder.isPresent() && !folder.get().isBlank()) {
            Path path = Path.of(folder.get().strip());
            if (!path.isAbsolute()) {
                throw new IllegalStateException("RESTORE_POINTS_DIR is '" + folder.get() + "', not an absolute path. Set "
                        + "it, for example RESTORE_POINTS_DIR=/var/lib/tenantry/restore-points, or leave it unset for "
                        + DEFAULT_FOLDER + " in FILES_ROOT.");
            }
            return path.normalize();
        }
        Path root = Path.of(filesRoot.filter(r -> !r.isBlank())
                .orElse(System.getProperty("user.home") + "/.tenantry/files")).toAbsolutePath().normalize();
        return root.resolve(DEFAULT_FOLDER);
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "restore points " + at.map(time -> "daily at " + time + " UTC").orElse("not scheduled") + ", " + keep
                + " kept per tenant, in " + folder;
    }
}
