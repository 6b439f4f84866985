package io.tenantry.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Recent attempts per key (an account, an address, ...) within a sliding window, in memory: how
 * long a key must wait before it is below a limit again.
 */
final class AttemptLog {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final ConcurrentMap<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration window;
    private final int kept;

    /** {@code kept}: the most attempts remembered per key, the highest limit asked about. */
    AttemptLog(Clock clock, Duration window, int kept) {
        this.clock = clock;
        this.window = window;
        this.kept = kept;
    }

    void record(String key) {
        if (attempts.size() > MAX_TRACKED_KEYS) {
            attempts.clear(); // a flood of distinct keys must not exhaust the heap
        }
        Instant now = clock.instant();
        attempts.compute(key, (k, times) -> {
            Deque<Instant> list = times == null ? new ArrayDeque<>() : times;
            list.addLast(now);
            while (list.size() > kept) {
                list.removeFirst();
            }
            return list;
        });
    }

    /** Zero while the key has fewer than {@code limit} attempts in the window; else until the oldest counted leaves it. */
    Duration waitFor(String key, int limit) {
        Instant now = clock.instant();
        Duration[] wait = {Duration.ZERO};
        attempts.computeIfPresent(key, (k, times) -> {
            times.removeIf(time -> !time.plus(window).isAfter(now));
            if (times.size() >= limit) {
                Instant oldestCounted = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
                wait[0] = Duration.between(now, oldestCounted.plus(window));
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0];
    }

    void forget(String key) {
        attempts.remove(key);
    }

    Instant now() {
        return clock.instant();
    }
}
