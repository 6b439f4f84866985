package io.tenantry.archive;

import java.time.Clock;
import java.time.Duration;

import io.tenantry.accounts.WindowedLimit;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How often a tenant is restored by hand: at most {@value #PER_HOUR} times within an hour, on this
 * instance, as its restore-point slots are ({@link RestorePointWork}). Each restore writes a whole copy
 * of the tenant first and holds a slot meanwhile, so owners restoring in a loop kept other tenants'
 * restores waiting past their turn (a hostile-owner review: 29 tenants restoring over and over).
 */
@ApplicationScoped
public class RestoresByHand extends WindowedLimit {

    static final int PER_HOUR = 3;

    public RestoresByHand() {
        this(Clock.systemUTC());
    }

    RestoresByHand(Clock clock) {
        super(clock, Duration.ofHours(1), PER_HOUR, "restore.tooManyRestores");
    }

    /** Refuses ({@link io.tenantry.accounts.TooManyAttemptsException}, 429) a tenant restored {@value #PER_HOUR} times this hour. */
    void require(Tenant tenant) {
        check(key(tenant));
    }

    /** Counts a restore of the tenant that began. */
    void began(Tenant tenant) {
        count(key(tenant));
    }

    private static String key(Tenant tenant) {
        return String.valueOf(tenant.id());
    }
}
