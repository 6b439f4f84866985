package io.tenantry.access;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.ConflictException;
import io.tenantry.platform.NoSuchItemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The platform's subscription plans, kept by access because every tenant's terms refer to one:
 * super-users list and change them (platform administration calls these), every tenant's plan is
 * read here without a caller check. A plan a tenant is on, or the default plan (TENANTS_DEFAULT_PLAN),
 * is never removed (409): lowering a plan's limit instead never deletes anything either.
 */
@ApplicationScoped
@Transactional
public class SubscriptionPlans {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    DefaultPlan defaultPlan;

    /** Every plan, cheapest first; super-users only ({@link io.tenantry.accounts.NotPermittedException}). */
    public List<SubscriptionPlan> all() {
        caller.requireSuperUser();
        return em.createQuery("SELECT p FROM SubscriptionPlan p ORDER BY p.priceCents, p.name", SubscriptionPlan.class)
                .getResultList();
    }

    /** One plan, for a super-user; {@link NoSuchItemException} for an unknown id. */
    public SubscriptionPlan get(long id) {
        caller.requireSuperUser();
        return plan(id);
    }

    public SubscriptionPlan add(PlanInput input) {
        caller.requireSuperUser();
        requireUniqueName(input.name(), -1L);
        SubscriptionPlan plan = new SubscriptionPlan(input);
        em.persist(plan);
        em.flush();
        return plan;
    }

    /** Changes a plan; a lower member limit applies at once to its tenants' growth, never to what they have. */
    public SubscriptionPlan change(long id, PlanInput input, boolean active) {
        caller.requireSuperUser();
        SubscriptionPlan plan = plan(id);
        requireUniqueName(input.name(), id);
        if (!plan.name().equals(input.name()) && plan.name().equals(defaultPlan.name())) {
            throw new ConflictException("plan.isDefault", plan.name(), DefaultPlan.VARIABLE);
        }
        plan.change(input, active);
        return plan;
    }

    /** Removes a plan no tenant is on and that is not the default; else {@link ConflictException} (409). */
    public void remove(long id) {
        caller.requireSuperUser();
        SubscriptionPlan plan = plan(id);
        if (plan.name().equals(defaultPlan.name())) {
            throw new ConflictException("plan.isDefault", plan.name(), DefaultPlan.VARIABLE);
        }
        long tenants = ((Number) em.createNativeQuery("SELECT count(*) FROM public.tenant_terms WHERE plan_id = ?")
                .setParameter(1, id).getSingleResult()).longValue();
        if (tenants > 0) {
            throw new ConflictException("plan.inUse", plan.name(), tenants);
        }
        em.remove(plan);
    }

    /** The plan a tenant's terms name (they always name one: a foreign key), whoever asks. */
    public SubscriptionPlan of(TenantTerms terms) {
        return Optional.ofNullable(em.find(SubscriptionPlan.class, terms.planId()))
                .orElseThrow(() -> new IllegalStateException("No subscription plan " + terms.planId()));
    }

    /** The plan named so (whatever its case), for a super-user choosing a tenant's plan; unknown: 400. */
    public SubscriptionPlan named(String name) {
        caller.requireSuperUser();
        return byName(name).orElseThrow(() -> BrokenRuleException.onField("plan", "plan.unknown", name));
    }

    /**
     * The id of the plan new tenants get (TENANTS_DEFAULT_PLAN); {@link ConflictException} (409) naming
     * the setting when no plan has that name.
     */
    public long defaultPlanId() {
        return byName(defaultPlan.name()).map(SubscriptionPlan::id)
                .orElseThrow(() -> new ConflictException("plan.defaultMissing", defaultPlan.name(), DefaultPlan.VARIABLE));
    }

    private Optional<SubscriptionPlan> byName(String name) {
        return em.createQuery("SELECT p FROM SubscriptionPlan p WHERE LOWER(p.name) = :name", SubscriptionPlan.class)
                .setParameter("name", (name == null ? "" : name.strip()).toLowerCase(Locale.ROOT)).getResultStream()
                .findFirst();
    }

    private SubscriptionPlan plan(long id) {
        SubscriptionPlan plan = em.find(SubscriptionPlan.class, id);
        if (plan == null) {
            throw new NoSuchItemException("plan", id);
        }
        return plan;
    }

    private void requireUniqueName(String name, long except) {
        if (!em.createQuery("SELECT p.id FROM SubscriptionPlan p WHERE LOWER(p.name) = :name AND p.id <> :except")
                .setParameter("name", name.toLowerCase(Locale.ROOT)).setParameter("except", except)
                .getResultList().isEmpty()) {
            throw new BrokenRuleException("plan.nameTaken", name);
        }
    }
}
