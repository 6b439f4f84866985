package io.tenantry.faces;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An instant as a page shows and edits it: date and time to the minute, in UTC, the same text in
 * a table and in its editor. The page shows less than the instant holds (seconds), so an editor
 * saved without a change gives back the instant it started from, not the minute it showed.
 */
public final class EditedInstant {

    private EditedInstant() {
    }

    /** What an editor shows for {@code instant}: its UTC date and time, seconds cut; null for none. */
    public static LocalDateTime shown(Optional<Instant> instant) {
        return instant.map(value -> LocalDateTime.ofInstant(value, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES))
                .orElse(null);
    }

    /**
     * The instant an editor that started from {@code before} now holds: {@code before} itself when
     * {@code edited} is what it showed, none when the field was emptied, otherwise {@code edited}
     * read as UTC.
     */
    public static Optional<Instant> saved(Optional<Instant> before, LocalDateTime edited) {
        if (edited == null) {
            return Optional.empty();
        }
        if (edited.equals(shown(before))) {
            return before;
        }
        return Optional.of(edited.toInstant(ZoneOffset.UTC));
    }
}
