package io.tenantry.access;

import io.tenantry.provisioning.TenantCreated;
import io.tenantry.provisioning.TenantTermsChanged;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A tenant's owner is an authorized user and an Administrator from the moment the tenant is created
 * or handed over, in the transaction that does it: should these writes fail, the creation or the
 * change is rolled back with them. Access's tables are written here, not by provisioning.
 */
@ApplicationScoped
public class OwnerAdmission {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /** Admits the owner of a tenant just created (a tenant without owner: nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    void admitOwnerOf(@Observes TenantCreated created) {
        admitOwner(created.tenant());
    }

    /** Admits the owner after a change of terms; an owner admitted already stays as they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    void admitOwnerAfter(@Observes TenantTermsChanged changed) {
        admitOwner(changed.tenant());
    }

    // Qualified with the tenant's schema: the provisioning transaction is bound to no tenant.
    private void admitOwner(Tenant tenant) {
        if (tenant.terms().ownerId().isEmpty()) {
            return;
        }
        long owner = tenant.terms().ownerId().get();
        String schema = tenant.schema().quoted();
        em.createNativeQuery("INSERT INTO public.tenant_member (tenant_id, account_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING").setParameter(1, tenant.id()).setParameter(2, owner).executeUpdate();
        em.createNativeQuery("INSERT INTO " + schema + ".group_member (group_id, account_id) SELECT id, ? FROM "
                        + schema + ".access_group WHERE name = 'Administrator' AND built_in ON CONFLICT DO NOTHING")
                .setParameter(1, owner).executeUpdate();
    }
}
