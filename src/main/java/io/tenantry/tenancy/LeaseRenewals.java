package io.tenantry.tenancy;

/**
 * Whether one restore's lease has ended, for its renewals (every {@link TenantRestores#RENEW_EVERY}, on the
 * scheduler's thread): a renewal puts the leased row it read into this instance's {@link TenantDirectory} only
 * while the lease has not ended, so it cannot put the lease back after the end put the tenant back in service
 * (which would answer the tenant 503 until the next announcement of it). Only the put and the end's mark take
 * the monitor, never a database call: a renewal waiting on a database that does not answer holds nothing the
 * end needs.
 */
final class LeaseRenewals {

    private boolean ended;

    /** Runs {@code put} unless the lease has ended; an end being marked waits for it. */
    synchronized void unlessEnded(Runnable put) {
        if (!ended) {
            put.run();
        }
    }

    /** Whether the lease has ended: a renewal then does nothing. */
    synchronized boolean ended() {
        return ended;
    }

    /** Marks the lease ended, once a put under way has finished: no renewal puts anything after this returns. */
    synchronized void end() {
        ended = true;
    }
}
