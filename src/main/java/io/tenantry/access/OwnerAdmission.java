package io.tenantry.access;

import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantRestores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A tenant's owner is an authorized user and an Administrator from the moment the tenant is created
 * or handed over, in the transaction that writes its terms ({@link TenantTermsStore}): should these
 * writes fail, the creation or the change is rolled back with them.
 */
@ApplicationScoped
public class OwnerAdmission {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    AccessVersions accessVersions;

    /**
     * Admits the owner the {@code terms} name (none: nothing); an owner admitted already stays as
     * they are. Qualified with the tenant's schema: the transaction is bound to no tenant, and so holds
     * a restore of the tenant off itself ({@link TenantRestores#holdOff}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admitOwner(Tenant tenant, TenantTerms terms) {
        if (terms.ownerId().isEmpty()) {
            return;
        }
        long owner = terms.ownerId().get();
        TenantRestores.holdOff(em, tenant.schema());
        String schema = tenant.schema().quoted();
        int admitted = em.createNativeQuery("INSERT INTO public.tenant_member (tenant_id, account_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING").setParameter(1, tenant.id()).setParameter(2, owner).executeUpdate();
        admitted += em.createNativeQuery("INSERT INTO " + schema + ".group_member (group_id, account_id) SELECT id, ? FROM "
                        + schema + ".access_group WHERE name = 'Administrator' AND built_in ON CONFLICT DO NOTHING")
                .setParameter(1, owner).executeUpdate();
        if (admitted > 0) { // every change of terms comes here; most admit no one
            accessVersions.bump(tenant.id());
        }
    }
}
