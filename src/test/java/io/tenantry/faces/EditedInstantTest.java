package io.tenantry.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;


class EditedInstantTest {

    private static final Optional<Instant> EXPIRED = Optional.of(Instant.parse("2026-01-15T15:30:45.123Z"));

    @Test
    void anEditorShowsTheInstantInUtcToTheMinute() {
        assertEquals(LocalDateTime.parse("2026-01-15T15:30"), EditedInstant.shown(EXPIRED));
        assertNull(EditedInstant.shown(Optional.empty()));
    }

    @Test
    void savingWhatWasShownKeepsTheInstantToTheNanosecond() {
        assertEquals(EXPIRED, EditedInstant.saved(EXPIRED, EditedInstant.shown(EXPIRED)));
        assertEquals(Optional.empty(), EditedInstant.saved(Optional.empty(), null));
    }

    @Test
    void anEmptiedFieldClearsAndAChangedOneIsReadAsUtc() {
        assertEquals(Optional.empty(), EditedInstant.saved(EXPIRED, null));
        assertEquals(Optional.of(Instant.parse("2026-02-01T00:00:00Z")),
                EditedInstant.saved(EXPIRED, LocalDateTime.parse("2026-02-01T00:00")));
        assertEquals(Optional.of(Instant.parse("2026-03-01T09:15:00Z")),
                EditedInstant.saved(Optional.empty(), LocalDateTime.parse("2026-03-01T09:15")));
    }
}
