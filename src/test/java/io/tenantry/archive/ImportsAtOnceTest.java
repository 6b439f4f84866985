package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.tenantry.accounts.TooManyAttemptsException;

/** At most four imports at once per instance, whatever their tenants, and one per account; a place comes back once. */
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

    @Test
    void anAccountHasOneImportUnderWayWhateverItsTenants() {
        ImportsAtOnce imports = new ImportsAtOnce();
        ImportsAtOnce.Turn owners = imports.begin(7);
        TooManyAttemptsException refused = assertThrows(TooManyAttemptsException.class, () -> imports.begin(7));
        assertEquals(Duration.ofSeconds(30), refused.retryAfter().orElseThrow());
        ImportsAtOnce.Turn neighbours = assertDoesNotThrow(() -> imports.begin(8), "another account is served");

        owners.close();
        owners.close(); // closing twice frees the account once, and never another account's turn
        ImportsAtOnce.Turn again = assertDoesNotThrow(() -> imports.begin(7));
        assertThrows(TooManyAttemptsException.class, () -> imports.begin(8));
        again.close();
        neighbours.close();
    }
}
