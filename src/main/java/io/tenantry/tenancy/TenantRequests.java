package io.tenantry.tenancy;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The requests this instance is serving for each tenant host, counted by {@link TenantFilter}, so
 * that a deletion, having taken the tenant out of service, can let the requests already inside
 * finish before it drops their schema.
 */
@ApplicationScoped
public class TenantRequests {

    private static final long POLL_MILLIS = 50;

    private final ConcurrentMap<TenantLabel, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /** Counts a request for the label until the returned handle is closed. */
    public InFlight enter(TenantLabel label) {
        inFlight.compute(label, (key, current) -> {
            AtomicInteger counter = current == null ? new AtomicInteger() : current;
            counter.incrementAndGet();
            return counter;
        });
        return () -> inFlight.computeIfPresent(label, (key, current) -> current.decrementAndGet() == 0 ? null : current);
    }

    /**
     * Waits until no request for the label is being served here, at most {@code bound}; answers
     * whether none is left.
     */
    public boolean awaitNone(TenantLabel label, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (inFlight.containsKey(label)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** A request being served; closing it ends its count. */
    public interface InFlight extends AutoCloseable {
        @Override
        void close();
    }
}
