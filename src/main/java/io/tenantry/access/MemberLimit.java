package io.tenantry.access;

import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The member limit of a tenant's plan: members and pending invitations together stay within it (an
 * expired invitation no longer counts; sent again, it counts anew).
 * Every check first locks the tenant's terms row ({@code FOR UPDATE}) in the caller's transaction, so
 * two invitations sent, or two accepted, at once are counted one after the other (the second sees
 * the first's rows once it commits) and never pass the limit together. A tenant over its limit
 * (its plan lowered) keeps what it has and cannot grow until it fits.
 */
@ApplicationScoped
public class MemberLimit {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    SubscriptionPlans plans;

    @Inject
    TenantTermsRegistry registry;

    /** How many members and pending, unexpired invitations a tenant has, and what its plan allows. */
    public record Use(SubscriptionPlan plan, long members, long pending) {

        /** Members and pending invitations together: what the plan's limit counts. */
        public long people() {
            return members + pending;
        }
    }

    /** What the tenant uses of its plan now (no lock; for showing). */
    @Transactional
    public Use of(Tenant tenant) {
        TenantTerms terms = registry.find(tenant.id()).orElseThrow(() -> new IllegalStateException(
                "No terms for tenant " + tenant.label()));
        return use(tenant, plans.of(terms));
    }

    /**
     * Refuses ({@link PlanLimitException}, 409) inviting {@code newcomers} more addresses when members,
     * pending invitations and they would pass the plan's limit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireRoomToInvite(Tenant tenant, int newcomers) {
        Use use = lockedUse(tenant);
        if (newcomers > 0 && !use.plan().allows(use.people() + newcomers)) {
            throw refusal(tenant, use);
        }
    }

    /**
     * Refuses ({@link PlanLimitException}, 409) one more member when the members would pass the
     * plan's limit; a pending invitation accepted was counted when it was sent, so this refuses only
     * where the plan was lowered since.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireRoomToJoin(Tenant tenant) {
        Use use = lockedUse(tenant);
        if (!use.plan().allows(use.members() + 1)) {
            throw refusal(tenant, use);
        }
    }

    private Use lockedUse(Tenant tenant) {
        Number planId = (Number) em.createNativeQuery("SELECT plan_id FROM public.tenant_terms WHERE tenant_id = ? "
                + "FOR UPDATE").setParameter(1, tenant.id()).getSingleResult();
        SubscriptionPlan plan = em.find(SubscriptionPlan.class, planId.longValue());
        return use(tenant, plan);
    }

    private Use use(Tenant tenant, SubscriptionPlan plan) {
        long members = ((Number) em.createNativeQuery("SELECT count(*) FROM public.tenant_member m "
                        + "JOIN public.account a ON a.id = m.account_id WHERE m.tenant_id = ? AND a.active")
                .setParameter(1, tenant.id()).getSingleResult()).longValue();
        long pending = ((Number) em.createNativeQuery("SELECT count(*) FROM public.invitation "
                + "WHERE tenant_id = ? AND " + Invitations.HOLDS_A_PLACE).setParameter(1, tenant.id()).getSingleResult())
                .longValue();
        return new Use(plan, members, pending);
    }

    private static PlanLimitException refusal(Tenant tenant, Use use) {
        return new PlanLimitException("plan.memberLimitReached", tenant.name(), use.plan().name(),
                use.plan().maxMembers(), use.members(), use.pending());
    }
}
