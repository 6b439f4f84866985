package io.tenantry.access;

import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Whether an account is listed in {@code public.tenant_member} for a tenant, read from the shared
 * tables alone and so outside the tenant's data binding ({@code tenancy.TenantDataInterceptor}): it
 * answers while the tenant is being restored, when {@link Memberships} (bound to the tenant) refuses.
 */
@ApplicationScoped
@Transactional
public class ListedMembers {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /** Whether the account (by id) is an authorized user of the tenant. */
    public boolean lists(Tenant tenant, long accountId) {
        return !em.createNativeQuery("SELECT 1 FROM public.tenant_member WHERE tenant_id = ? AND account_id = ?")
                .setParameter(1, tenant.id()).setParameter(2, accountId).getResultList().isEmpty();
    }
}
