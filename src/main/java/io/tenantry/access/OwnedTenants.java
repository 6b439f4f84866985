package io.tenantry.access;

import io.tenantry.accounts.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The per-owner quota (TENANTS_PER_OWNER, {@link OwnerQuota}): how many tenants an account may own
 * without a super-user's help, counted in {@code public.tenant_terms}. Callers skip it for a
 * super-user, who is never limited. The count is taken under a transaction-wide advisory lock on the
 * account, so two creations by one person at once are counted one after the other.
 */
@ApplicationScoped
public class OwnedTenants {

    /** The advisory lock class of "tenants owned by an account" (the second key is the account id). */
    private static final int LOCK_CLASS = 0x20_0001;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    OwnerQuota quota;

    @Inject
    Accounts accounts;

    /**
     * Refuses ({@link PlanLimitException}, 409) when the account owns as many tenants as the quota
     * allows already. {@code key}: the reasons bundle's words (creation or transfer).
     */
    @Transactional
    public void requireRoomFor(long accountId, String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?, ?)").setParameter(1, LOCK_CLASS)
                .setParameter(2, (int) accountId).getSingleResult();
        long owned = ((Number) em.createNativeQuery("SELECT count(*) FROM public.tenant_terms WHERE owner_id = ?")
                .setParameter(1, accountId).getSingleResult()).longValue();
        if (!quota.allowsOneMore(owned)) {
            String who = accounts.findActive(accountId).map(a -> a.username()).orElse("-");
            throw new PlanLimitException(key, who, owned, quota.most().getAsInt(), OwnerQuota.VARIABLE);
        }
    }
}
