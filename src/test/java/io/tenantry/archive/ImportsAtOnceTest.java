package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.tenantry.accounts.TooManyAttemptsException;

/** At most four imports at once per instance, whatever their tenants; a place comes back once. */
class ImportsAtOnceTest {

    @Test
    void aFifthImportWhileFourRunIsRefusedUntilOneEnds() {
        ImportsAtOnce imports = new ImportsAtOnce();
        ImportsAtOnce.Place first = imports.take();
        ImportsAtOnce.Place second = imports.take();
        ImportsAtOnce.Place others = imports.take();
        ImportsAtOnce.Place more = imports.take();
        TooManyAttemptsException refused = assertThrows(TooManyAttemptsException.class, imports::take);
        assertEquals(Duration.ofSeconds(30), refused.retryAfter().orElseThrow());

        first.close();
        first.close(); // closing twice gives back one place, not two
        ImportsAtOnce.Place third = assertDoesNotThrow(imports::take);
        assertThrows(TooManyAttemptsException.class, imports::take);
        second.close();
        third.close();
        others.close();
        more.close();
    }
}
