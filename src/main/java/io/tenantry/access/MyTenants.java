package io.tenantry.access;

import java.util.List;

import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The tenants an account is authorized on, for its own lists; never anyone else's. */
@ApplicationScoped
@Transactional
public class MyTenants {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantDirectory directory;

    public List<Tenant> of(long accountId) {
        @SuppressWarnings("unchecked")
        List<String> labels = em.createNativeQuery("SELECT t.label FROM public.tenant t JOIN public.tenant_member m "
                        + "ON m.tenant_id = t.id WHERE m.account_id = ? AND t.label <> 'public' ORDER BY lower(t.name)")
                .setParameter(1, accountId).getResultList();
        return labels.stream().map(TenantLabel::new).flatMap(label -> directory.find(label).stream()).toList();
    }
}
