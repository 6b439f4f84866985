package io.tenantry.access;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.tenantry.provisioning.TenantConflictException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantChanged;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The terms of the tenants this instance serves, kept in memory: {@link TenantEntry} reads them on
 * every request, so reading costs no query once a tenant's terms are known. A change made here is
 * kept at once, after its commit; one made on another instance arrives as a {@link TenantChanged}
 * (the store's notification, through {@code tenancy.TenantChanges}), and the terms are read again on
 * the next request. A copy is kept by label with the tenant's id, so a later tenant of the same
 * label never gets an earlier one's terms.
 */
@ApplicationScoped
public class TenantTermsDirectory {

    /** What a tenant whose terms are gone (deleted meanwhile) has: no owner, not readable, unpaid, no plan (id 0). */
    private static final TenantTerms NONE = new TenantTerms(Optional.empty(), "", false, Optional.empty(),
            List.of(), "", Optional.empty(), 0);

    private record Known(long tenantId, TenantTerms terms) {
    }

    private final ConcurrentMap<TenantLabel, Known> known = new ConcurrentHashMap<>();
    /** Counts what was forgotten: terms read before a change was announced are not kept after it. */
    private final AtomicLong forgotten = new AtomicLong();

    @Inject
    TenantTermsRegistry registry;

    @Inject
    TenantTermsStore store;

    @Inject
    TenantDirectory tenants;

    /** The terms of {@code tenant} (this life of its label); those of a tenant gone meanwhile are {@link #NONE}. */
    public TenantTerms of(Tenant tenant) {
        Known kept = known.get(tenant.label());
        if (kept != null && kept.tenantId() == tenant.id()) {
            return kept.terms();
        }
        long before = forgotten.get();
        Optional<TenantTerms> found = registry.find(tenant.id());
        found.ifPresent(terms -> known.compute(tenant.label(),
                (label, now) -> forgotten.get() == before ? new Known(tenant.id(), terms) : now));
        return found.orElse(NONE);
    }

    /**
     * Changes the tenant's terms to {@code terms}, and its name, over what the caller read of both
     * ({@code before} and {@code beforeTerms}), in one transaction (see {@link TenantTermsStore#change});
     * this instance sees them at once, the others once told. Refuses an organization against the rules
     * (400), a name against the rules (400), a tenant changed meanwhile ({@link TenantConflictException},
     * 409), one gone (404). Returns the tenant as it is now.
     */
    public Tenant change(Tenant before, TenantTerms beforeTerms, String name, TenantTerms terms) {
        TenantTermsStore.requireOrganization(terms);
        Tenant changed;
        try {
            changed = store.change(before, beforeTerms, name, terms);
        } catch (Exception e) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
            // Rolled back: the directory may hold a name that was not kept, and this copy is suspect.
            known.remove(before.label());
            tenants.refresh(before.label());
            throw e;
        }
        remember(changed, terms);
        return changed;
    }

    /** Keeps the terms of a tenant just created here (after its creation's commit). */
    public void remember(Tenant tenant, TenantTerms terms) {
        known.put(tenant.label(), new Known(tenant.id(), terms));
    }

    /** Forgets what a tenant changed on any instance (or, with no label, every tenant) had: read again when next asked. */
    void forget(@Observes TenantChanged changed) {
        forgotten.incrementAndGet();
        changed.label().ifPresentOrElse(known::remove, known::clear);
    }
}
