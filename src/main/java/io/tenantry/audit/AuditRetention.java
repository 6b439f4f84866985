package io.tenantry.audit;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the audit trail keeps an entry: AUDIT_RETENTION_DAYS, a whole number of days from 1
 * (365 unless set). Older entries are removed by {@link AuditPruning}.
 */
public record AuditRetention(int days) {

    static final int DEFAULT_DAYS = 365;
    private static final int MAX_DAYS = 36_500;

    /** The configured retention; an {@link IllegalStateException} naming the variable when it is not a number of days. */
    public static AuditRetention of(Optional<String> configured) {
        if (configured.isEmpty() || configured.get().isBlank()) {
            return new AuditRetention(DEFAULT_DAYS);
        }
        String text = configured.get().strip();
        if (text.matches("[0-9]{1,5}")) {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= MAX_DAYS) {
                return new AuditRetention(days);
            }
        }
        throw new IllegalStateException("AUDIT_RETENTION_DAYS is '" + configured.get() + "', not a whole number of days "
                + "from 1 to " + MAX_DAYS + ". Set it, for example AUDIT_RETENTION_DAYS=365, or leave it unset for "
                + DEFAULT_DAYS + " days.");
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
