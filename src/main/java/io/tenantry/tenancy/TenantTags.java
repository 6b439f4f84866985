package io.tenantry.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.tenantry.platform.Meters;
import io.tenantry.platform.MetricsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The {@code tenant} tag of the metrics, bounded: at most METRICS_TENANTS tenants are named, the
 * busiest; every other one is counted under {@link #OTHER}. A tenant takes a free place when first
 * seen; every {@link #PERIOD} the places go to the tenants with the most requests in the period
 * past (those named before keep theirs while there is room), and the series of a tenant that lost
 * its place (or was deleted) are removed. Only tenants
 * the directory found are ever named: a host that names none adds no series.
 */
@ApplicationScoped
public class TenantTags {

    /** The tag of every tenant beyond the bound. */
    public static final String OTHER = "other";
    /** The tag of requests that reached no tenant (a host that names none, health checks). */
    public static final String NONE = "none";
    /** The name of the tag. */
    public static final String TAG = "tenant";
    static final Duration PERIOD = Duration.ofMinutes(1);

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Set<String> named = ConcurrentHashMap.newKeySet();
    private Clock clock = Clock.systemUTC();
    private int bound;
    private MeterRegistry registry;
    private volatile Instant nextChoice;

    @Inject
    void configure(MetricsSettings settings, Meters meters) {
        this.bound = settings.tenants();
        this.registry = meters.registry();
        this.nextChoice = clock.instant().plus(PERIOD);
    }

    /** For unit tests: the bound, where series are removed from, and the clock that says when to choose again. */
    void configure(int tenants, MeterRegistry meters, Clock time) {
        this.clock = time;
        this.bound = tenants;
        this.registry = meters;
        this.nextChoice = clock.instant().plus(PERIOD);
    }

    /** The tag for one request of {@code tenant}, counted towards its place: its label, or {@link #OTHER}. */
    public String of(Tenant tenant) {
        String label = tenant.label().value();
        requests.computeIfAbsent(label, key -> new LongAdder()).increment();
        if (!clock.instant().isBefore(nextChoice)) {
            chooseBusiest();
        }
        if (named.contains(label)) {
            return label;
        }
        synchronized (this) {
            if (named.size() < bound) {
                named.add(label);
                return label;
            }
        }
        return OTHER;
    }

    /** The tenants named now. */
    public Set<String> named() {
        return Set.copyOf(named);
    }

    private synchronized void chooseBusiest() {
        if (clock.instant().isBefore(nextChoice)) {
            return; // another request chose meanwhile
        }
        nextChoice = clock.instant().plus(PERIOD);
        // The busiest of the period past first, then those named before while there is room: a quiet
        // tenant keeps its series until a busier one needs its place.
        List<String> chosen = Stream.concat(requests.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> entry) -> entry.getValue().sum()).reversed())
                .map(Map.Entry::getKey), named.stream()).distinct().limit(bound).toList();
        requests.clear();
        Set.copyOf(named).stream().filter(label -> !chosen.contains(label)).forEach(this::unname);
        named.addAll(chosen);
    }

    void forget(@Observes TenantDeleted deleted) {
        String label = deleted.tenant().label().value();
        requests.remove(label);
        unname(label);
    }

    private synchronized void unname(String label) {
        named.remove(label);
        Search.in(registry).tag(TAG, label).meters().forEach(registry::remove);
    }
}
