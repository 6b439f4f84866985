package io.tenantry.tenancy;

import java.time.Duration;
import java.util.Optional;

/**
 * Brings one tenant behind the code up to date ahead of the others, for a request that waits for it
 * ({@link TenantFilter}): during a fleet upgrade a tenant then answers 503 only while its own migration
 * runs, not until the fleet's turn reaches it. Implemented by {@code migration.TenantUpgrade}, which
 * owns the upgrade queue; this floor only asks.
 */
public interface UpgradeOnRequest {

    /**
     * Puts the tenant first among this instance's upgrades (unless a worker here is on it already;
     * one on another instance holds its lock, and this instance then only waits for its outcome) and
     * waits at most {@code patience} for its schema to be at the code's version.
     *
     * @return the tenant as the directory has it once current; empty when the patience ran out, its
     *         upgrade failed, it is gone or being deleted, or too many requests of this instance
     *         wait already (they hold the server's request threads)
     * @throws InterruptedException when the request's thread is interrupted while it waits
     */
    Optional<Tenant> awaitCurrent(Tenant tenant, Duration patience) throws InterruptedException;
}
