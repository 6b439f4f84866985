package io.tenantry.archive;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import io.tenantry.accounts.TooManyAttemptsException;
import io.tenantry.platform.ConflictException;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How much restore-point work this instance lets run at once: one take or restore per tenant, and
 * at most {@link #AT_ONCE} across all tenants. A point holds a pooled connection while it is
 * written, and a tenant owner could otherwise ask for dozens at once and leave every other tenant
 * waiting for the pool (the hostile-owner review of this stop: 40 takes held the pool 55 s).
 */
@ApplicationScoped
public class RestorePointWork {

    /** Points written or restored at once on this instance: a small share of the pool's 40 connections. */
    static final int AT_ONCE = 2;
    /** What a refused caller is told to wait before trying again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final Semaphore slots = new Semaphore(AT_ONCE);
    private final Set<Long> busyTenants = ConcurrentHashMap.newKeySet();

    /** Work on a tenant's points, until closed. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A slot for work on the tenant's points. Refuses a tenant whose point is being taken or
     * restored already ({@link ConflictException}, 409), and any tenant while {@link #AT_ONCE} are at
     * work ({@link TooManyAttemptsException}, 429 with Retry-After).
     */
    Slot begin(Tenant tenant) {
        return begin(tenant, false);
    }

    /**
     * A slot for the tenant's scheduled point: as {@link #begin(Tenant)}, but waiting for a free one
     * rather than refusing, so that points taken by hand elsewhere never cost a tenant its day's point.
     */
    Slot awaitFor(Tenant tenant) {
        return begin(tenant, true);
    }

    private Slot begin(Tenant tenant, boolean wait) {
        if (!busyTenants.add(tenant.id())) {
            throw new ConflictException("restore.pointUnderway", tenant.name());
        }
        if (!(wait ? acquire() : slots.tryAcquire())) {
            busyTenants.remove(tenant.id());
            throw new TooManyAttemptsException("restore.serverBusy", RETRY_AFTER, tenant.name());
        }
        return () -> {
            slots.release();
            busyTenants.remove(tenant.id());
        };
    }

    private boolean acquire() {
        try {
            slots.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
