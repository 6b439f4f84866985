package io.tenantry.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The tenants known to this instance, kept in memory so that routing a request costs no query.
 * Creation and deletion on this instance update it at once; a tenant created by another instance
 * is found in the registry on its first request and cached from then on.
 */
@ApplicationScoped
public class TenantDirectory {

    private final ConcurrentMap<TenantLabel, Tenant> known = new ConcurrentHashMap<>();
    /** Counts what was taken away, read again or put by this instance, on any tenant. */
    private final AtomicLong changes = new AtomicLong();
    /**
     * For each label taken away, read again or put, the count when that last happened: what a lookup, a
     * refresh or a reload read of a tenant before a change of that same tenant was announced (its
     * deletion, say) or written here (a restore's end) is not kept after it, or this instance would
     * route to the older row until its label changed again. Per label, so that another tenant's changes never make a reload keep nothing. One entry per
     * label ever changed on this instance.
     */
    private final ConcurrentMap<TenantLabel, Long> lastChanged = new ConcurrentHashMap<>();

    @Inject
    TenantRegistry registry;

    public Optional<Tenant> find(TenantLabel label) {
        Tenant tenant = known.get(label);
        if (tenant != null) {
            return Optional.of(tenant);
        }
        long before = changes.get();
        Optional<Tenant> found = registry.find(label);
        found.ifPresent(read -> keepUnlessChanged(read, before));
        return found;
    }

    /**
     * The tenant of this id, read from the registry (one query by key), not from memory: for the
     * few that name a tenant by id (an invitation accepted, an account deactivated), which must find
     * one another instance created and this one has not met yet, without going through every tenant.
     */
    public Optional<Tenant> find(long id) {
        return registry.find(id);
    }

    public Collection<Tenant> all() {
        return List.copyOf(known.values());
    }

    public void reload() {
        long before = changes.get();
        List<Tenant> tenants = registry.all();
        known.clear();
        tenants.forEach(read -> keepUnlessChanged(read, before));
    }

    /** Re-reads one tenant from the registry: changed, created or gone on another instance. */
    public void refresh(TenantLabel label) {
        long before = changed(label);
        registry.find(label).ifPresentOrElse(read -> keepUnlessChanged(read, before), () -> remove(label));
    }

    /** Keeps what was read from the registry when the count was {@code before}, unless its tenant changed since. */
    private void keepUnlessChanged(Tenant read, long before) {
        known.compute(read.label(), (label, now) -> lastChanged.getOrDefault(label, 0L) > before ? now : read);
    }

    /** Marks the label changed now; gives the count it was marked with. */
    private long changed(TenantLabel label) {
        long now = changes.incrementAndGet();
        lastChanged.put(label, now);
        return now;
    }

    /**
     * Keeps what this instance has just written to the registry for this tenant (created, leased for a restore or
     * given back to service): marked as a change of it, so that a lookup, refresh or reload that read the row
     * before does not put the older row back over it.
     */
    public void put(Tenant tenant) {
        changed(tenant.label());
        known.put(tenant.label(), tenant);
    }

    public void remove(TenantLabel label) {
        changed(label);
        known.remove(label);
    }
}
