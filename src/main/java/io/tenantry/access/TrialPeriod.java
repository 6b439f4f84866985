package io.tenantry.access;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.tenantry.platform.WholeNumberSetting;

/**
 * How long a new tenant may be used before it is paid for (TENANTS_TRIAL_DAYS, whole days): its
 * paid-until starts at its creation plus this. Zero days: no trial, a new tenant has no paid-until
 * (blocked at once under TENANTS_BLOCK_UNPAID).
 */
public record TrialPeriod(int days) {

    static final String VARIABLE = "TENANTS_TRIAL_DAYS";
    private static final int DEFAULT_DAYS = 14;
    private static final int MOST_DAYS = 3650;

    /**
     * The configured number of days (unset or blank: 14); anything but a whole number from 0 to 3650
     * fails with an {@link IllegalStateException} naming the variable.
     */
    public static TrialPeriod of(Optional<String> configured) {
        return new TrialPeriod((int) WholeNumberSetting.of(VARIABLE, configured, "days", 0, MOST_DAYS, DEFAULT_DAYS, 30));
    }

    /** When a trial begun at {@code start} ends, to the second; empty when there is no trial (0 days). */
    public Optional<Instant> endFrom(Instant start) {
        return days == 0 ? Optional.empty()
                : Optional.of(start.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(days)));
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return days == 0 ? "no trial for new tenants" : "new tenants' trial: " + days + " days";
    }
}
