package io.tenantry.metrics;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.tenantry.access.Subscription;
import io.tenantry.access.TenantTermsDirectory;
import io.tenantry.platform.Meters;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.UpgradeState;
import io.tenantry.tenancy.UpgradeStates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code tenantry_tenants{state}}: how many tenants are in each state, counted at each scrape from
 * the tenants this instance knows (the directory, in memory) and their terms as access keeps them
 * (read once per tenant, then kept until a change is announced: no query per tenant per scrape). A tenant behind
 * the code is {@code upgrading} (or {@code failed}) whatever its subscription; a tenant being
 * deleted is not counted.
 */
@ApplicationScoped
public class TenantStates {

    /** The states counted, each a value of the {@code state} tag. */
    enum State {
        /** Paid for, or the public tenant. */
        ACTIVE,
        /** In the trial given at creation. */
        TRIAL,
        /** Unpaid: no paid-until, or one past. */
        EXPIRED,
        /** Behind the code: waiting for its upgrade or being upgraded. */
        UPGRADING,
        /** Its last upgrade attempt failed. */
        FAILED
    }

    @Inject
    TenantDirectory directory;

    @Inject
    UpgradeStates upgrades;

    @Inject
    TenantTermsDirectory terms;

    @Inject
    Meters meters;

    private final Map<State, AtomicInteger> counts = new EnumMap<>(State.class);

    @PostConstruct
    void register() {
        for (State state : State.values()) {
            AtomicInteger count = new AtomicInteger();
            counts.put(state, count);
            Gauge.builder("tenantry.tenants", count, AtomicInteger::get).description("Tenants by state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).strongReference(true).register(meters.registry());
        }
    }

    /** Counts the tenants again, for the scrape about to be written. */
    public synchronized void measure() {
        Instant now = Instant.now();
        Map<State, Integer> found = new EnumMap<>(State.class);
        directory.all().stream().filter(tenant -> !tenant.beingDeleted())
                .forEach(tenant -> found.merge(stateOf(tenant, now), 1, Integer::sum));
        counts.forEach((state, count) -> count.set(found.getOrDefault(state, 0)));
    }

    private State stateOf(Tenant tenant, Instant now) {
        UpgradeState upgrade = upgrades.of(tenant);
        if (upgrade.failed()) {
            return State.FAILED;
        }
        if (upgrade.phase() != UpgradeState.Phase.CURRENT) {
            return State.UPGRADING;
        }
        return switch (Subscription.of(tenant, terms.of(tenant), now)) {
            case TRIAL -> State.TRIAL;
            case EXPIRED -> State.EXPIRED;
            case PAID, FREE -> State.ACTIVE;
        };
    }
}
