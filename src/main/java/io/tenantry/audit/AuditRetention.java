package io.tenantry.audit;

import java.time.Duration;
import java.util.Optional;

import io.tenantry.platform.WholeNumberSetting;

/**
 * How long the audit trail keeps an entry: AUDIT_RETENTION_DAYS, a whole number of days from 1
 * (365 unless set). Older entries are removed by {@link AuditPruning}.
 */
public record AuditRetention(int days) {

    static final int DEFAULT_DAYS = 365;
    private static final int MAX_DAYS = 36_500;

    /** The configured retention; an {@link IllegalStateException} naming the variable when it is not a number of days. */
    public static AuditRetention of(Optional<String> configured) {
        return new AuditRetention((int) WholeNumberSetting.of("AUDIT_RETENTION_DAYS", configured, "days", 1, MAX_DAYS,
                DEFAULT_DAYS, DEFAULT_DAYS));
    }

    public Duration duration() {
        return Duration.ofDays(days);
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "audit entries kept " + days + " days";
    }
}
