package io.tenantry.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DisplayTimeZoneTest {

    @Test
    void anIanaNameOrUtcWhenUnset() {
        assertEquals(ZoneId.of("UTC"), DisplayTimeZone.of(Optional.empty()).zone());
        assertEquals(ZoneId.of("Europe/Berlin"), DisplayTimeZone.of(Optional.of(" Europe/Berlin ")).zone());
    }

    @Test
    void anUnknownZoneFailsNamingTheVariable() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DisplayTimeZone.of(Optional.of("Mars/Olympus")));
        assertTrue(refused.getMessage().startsWith("DISPLAY_TIME_ZONE 'Mars/Olympus' is not a time zone"),
                refused.getMessage());
    }
}
