package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.tenantry.accounts.TooManyAttemptsException;
import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantLabel;

/**
 * At most two exports under way per tenant, and two per account whatever its tenants; a place comes back
 * once; an export not sent within its place's time fails to read.
 */
class ExportsAtOnceTest {

    private static final long OWNER = 7;
    private static final long NEIGHBOUR = 8;

    private final ExportsAtOnce exports = new ExportsAtOnce(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void anOwnerOfSeveralTenantsHasTwoExportsUnderWayWhateverTheirTenants() {
        ExportsAtOnce.Place first = exports.take(tenant(1, "first"), OWNER);
        ExportsAtOnce.Place second = exports.take(tenant(2, "second"), OWNER);
        // Before: two more from each further tenant he owned, each a file as large as its archive.
        TooManyAttemptsException refused = assertThrows(TooManyAttemptsException.class,
                () -> exports.take(tenant(3, "third"), OWNER));
        assertTrue(refused.retryAfter().orElseThrow().compareTo(Duration.ZERO) > 0);
        ExportsAtOnce.Place neighbours = assertDoesNotThrow(() -> exports.take(tenant(3, "third"), NEIGHBOUR),
                "another account is served");

        first.close();
        first.close(); // once, not twice
        ExportsAtOnce.Place again = assertDoesNotThrow(() -> exports.take(tenant(3, "third"), OWNER));
        assertThrows(TooManyAttemptsException.class, () -> exports.take(tenant(4, "fourth"), OWNER));
        again.close();
        second.close();
        neighbours.close();
    }

    @Test
    void aTenantHasTwoExportsUnderWayWhoeverAsks() {
        ExportsAtOnce.Place owners = exports.take(tenant(1, "shared"), OWNER);
        ExportsAtOnce.Place neighbours = exports.take(tenant(1, "shared"), NEIGHBOUR);
        assertThrows(TooManyAttemptsException.class, () -> exports.take(tenant(1, "shared"), 9));
        owners.close();
        assertDoesNotThrow(() -> exports.take(tenant(1, "shared"), 9)).close();
        neighbours.close();
    }

    @Test
    void anExportNotSentWithinFifteenMinutesFailsToReadAsItsPlaceIsCountedNoMore() throws IOException {
        MovingClock clock = new MovingClock();
        ExportsAtOnce timed = new ExportsAtOnce(clock);
        ExportsAtOnce.Place place = timed.take(tenant(1, "slow"), OWNER);
        InputStream sent = place.heldBy(new ByteArrayInputStream(new byte[64]));
        assertEquals(8, sent.read(new byte[8]), "read while its place is held");
        clock.now = clock.now.plus(ExportsAtOnce.HELD_AT_MOST).plusSeconds(1);
        // Before: it went on being read (and its file kept) by a client reading a little now and then,
        // while the place was taken again by a further export.
        assertThrows(IOException.class, () -> sent.read(new byte[8]));
        assertDoesNotThrow(() -> timed.take(tenant(1, "slow"), OWNER)).close();
        sent.close();
    }

    /** A clock the test moves on. */
    private static final class MovingClock extends Clock {

        Instant now = Instant.parse("2026-12-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Tenant tenant(long id, String label) {
        return new Tenant(id, new TenantLabel(label), new SchemaName(label), label, Instant.EPOCH, "1", label, false,
                null);
    }
}
