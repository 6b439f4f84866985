package io.tenantry.archive;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.tenantry.accounts.TooManyAttemptsException;
import io.tenantry.platform.ConflictException;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How much restore-point work this instance lets run at once: one take or restore per tenant, and
 * at most {@link #AT_ONCE} across all tenants. A point holds a pooled connection while it is
 * written, and a tenant owner could otherwise ask for dozens at once and leave every other tenant
 * waiting for the pool (a hostile-owner review: 40 takes held the pool 55 s).
 *
 * <p>Slots are handed out in the order they were asked for, and a tenant asking waits for one up to
 * {@link #WAIT}: owners who keep both slots busy, restoring large tenants back and forth, cannot
 * keep a third tenant out, since it is served when a slot frees, before their next turn (another
 * hostile-owner review: answered 429 for as long as they went on).
 */
@ApplicationScoped
public class RestorePointWork {

    /** Points written or restored at once on this instance: a small share of the pool's 40 connections. */
    static final int AT_ONCE = 2;
    /** How long a take or restore asked for by hand waits for a slot before it is refused (429). */
    static final Duration WAIT = Duration.ofSeconds(30);
    /** What a refused caller is told to wait before trying again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final Semaphore slots = new Semaphore(AT_ONCE, true);
    private final Set<Long> busyTenants = ConcurrentHashMap.newKeySet();
    private final Duration longestWait;

    public RestorePointWork() {
        this(WAIT);
    }

    /** Slots that callers by hand wait for up to {@code longestWait}. */
    RestorePointWork(Duration longestWait) {
        this.longestWait = longestWait;
    }

    /** Work on a tenant's points, until closed. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A slot for work on the tenant's points, waiting up to {@link #WAIT} for one, in turn. Refuses a
     * tenant whose point is being taken or restored already ({@link ConflictException}, 409), and a
     * tenant whose turn did not come within the wait ({@link TooManyAttemptsException}, 429 with
     * Retry-After).
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
        if (!(wait ? acquire() : acquireWithin())) {
            busyTenants.remove(tenant.id());
            throw new TooManyAttemptsException("restore.serverBusy", RETRY_AFTER, tenant.name());
        }
        return () -> {
            slots.release();
            busyTenants.remove(tenant.id());
        };
    }

    /** How many callers wait for a slot now. */
    int waiting() {
        return slots.getQueueLength();
    }

    private boolean acquireWithin() {
        try {
            return slots.tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
