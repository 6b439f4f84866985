package io.tenantry.platform;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The current time as PostgreSQL keeps it: to the microsecond. Items stamp themselves with it, so an
 * item answered as it is made shows the same instant as the item read back later (the JVM's clock
 * has nanoseconds, which the column would silently drop). An entity stamps itself in the constructor
 * that makes a new one, not in a field's initialiser: the JPA provider builds every row it reads with
 * the no-argument constructor, which would read the clock for each row only to overwrite it.
 */
public final class StoredTime {

    private StoredTime() {
    }

    /** Now, in the JVM's offset, cut to microseconds. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
