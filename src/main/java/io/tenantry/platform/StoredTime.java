package io.tenantry.platform;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The current time as PostgreSQL keeps it: to the microsecond. Items stamp themselves with it, so an
 * item answered as it is made shows the same instant as the item read back later (the JVM's clock
 * has nanoseconds, which the column would silently drop).
 */
public final class StoredTime {

    private StoredTime() {
    }

    /** Now, in the JVM's offset, cut to microseconds. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
