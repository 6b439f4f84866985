package io.tenantry.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The years a date or a moment may fall in: 1 to 9999, which PostgreSQL keeps and an ISO text
 * writes without a sign. A moment is judged as stored, in UTC: {@code 9999-12-31T23:59-18:00} is in
 * year 10000 there, and {@code 0001-01-01T00:00+18:00} in year 0.
 */
public final class StoredYears {

    public static final int FIRST = 1;
    public static final int LAST = 9999;

    private StoredYears() {
    }

    /** Whether the moment, turned to UTC, falls in the years kept. */
    public static boolean hold(OffsetDateTime moment) {
        return holds(moment.withOffsetSameInstant(ZoneOffset.UTC).getYear());
    }

    /** Whether the date falls in the years kept. */
    public static boolean hold(LocalDate date) {
        return holds(date.getYear());
    }

    private static boolean holds(int year) {
        return year >= FIRST && year <= LAST;
    }
}
