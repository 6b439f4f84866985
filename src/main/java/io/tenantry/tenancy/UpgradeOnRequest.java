package io.tenantry.tenancy;

import java.time.Duration;
import java.util.Optional;

/**
 * Brings one tenant behind the code up to date ahead of the others, for a request that waits for it
 * ({@link TenantFilter}): during a fleet upgrade a request is served after its tenant's own migration
 * (and the wait for a free upgrade worker) instead of getting 503 until the fleet's turn reaches it.
 * Implemented by {@code migration.TenantUpgrade}, which owns the upgrade queue and knows the order of
 * versions; this floor (tenancy, below migration) only asks.
 */
public interface UpgradeOnRequest {

    /**
     * Puts the tenant first among this instance's upgrades (unless a worker here is on it already;
     * one on another instance holds its lock, and this instance then only waits for its outcome) and
     * waits at most {@code patience} for its schema to be at the code's version.
     *
     * @return the tenant as the directory has it once current; empty at once when its schema is not
     *         behind the code but ahead of it (a newer instance upgraded it: this one leaves it alone)
     *         or too many requests of this instance wait already (they hold the server's request
     *         threads), and empty when the patience ran out, its upgrade failed, or it is gone or
     *         being deleted
     * @throws InterruptedException when the request's thread is interrupted while it waits
     */
    Optional<Tenant> awaitCurrent(Tenant tenant, Duration patience) throws InterruptedException;
}
