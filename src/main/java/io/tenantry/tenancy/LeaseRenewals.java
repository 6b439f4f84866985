package io.tenantry.tenancy;

/**
 * The turns of one restore's lease: its renewals (every {@link TenantRestores#RENEW_EVERY}, on the scheduler's
 * thread) and its end (on the restoring thread) run one at a time, and no renewal runs once the end has. A
 * renewal under way when the restore ends finishes first, so it cannot put the lease it read back into this
 * instance's {@link TenantDirectory} after the end put the tenant back in service (which would answer the
 * tenant 503 until the next announcement of it).
 */
final class LeaseRenewals {

    private boolean ended;

    /** Runs {@code renewal} unless the lease has ended; waits for an end under way. */
    synchronized void renew(Runnable renewal) {
        if (!ended) {
            renewal.run();
        }
    }

    /** Runs {@code end} once any renewal under way has finished; no renewal runs after it. */
    synchronized void end(Runnable end) {
        ended = true;
        end.run();
    }
}
