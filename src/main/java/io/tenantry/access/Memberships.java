package io.tenantry.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Reads whether an account is authorized on the current tenant and the permissions its groups give there. */
@ApplicationScoped
@Transactional
@TenantData
public class Memberships {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /**
     * The account's permissions here, or nothing when it is not authorized. On the public tenant
     * every signed-in account is a member; without groups of its own there, it has the default groups'.
     */
    public Optional<Set<Permission>> permissionsOf(Tenant tenant, long accountId) {
        boolean authorized = isListed(tenant, accountId);
        if (!authorized && !tenant.isPublic()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        // Semi-joins, no DISTINCT (the set removes repeats): planned in a third of the time of joins,
        // which counts because each change of tenant on a pooled connection plans it again.
        List<String> codes = em.createNativeQuery("SELECT p.permission FROM group_permission p "
                        + "WHERE p.group_id IN (SELECT m.group_id FROM group_member m WHERE m.account_id = ?) "
                        + "OR (? AND p.group_id IN (SELECT g.id FROM access_group g WHERE g.member_default))")
                .setParameter(1, accountId).setParameter(2, !authorized).getResultList();
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        codes.forEach(code -> Permission.ofCode(code).ifPresent(permissions::add));
        return Optional.of(permissions);
    }

    /** Whether the account is authorized on the tenant (on the public tenant, every account is); reads shared tables only. */
    public boolean isAuthorized(Tenant tenant, long accountId) {
        return tenant.isPublic() || isListed(tenant, accountId);
    }

    private boolean isListed(Tenant tenant, long accountId) {
        return !em.createNativeQuery("SELECT 1 FROM public.tenant_member WHERE tenant_id = ? AND account_id = ?")
                .setParameter(1, tenant.id()).setParameter(2, accountId).getResultList().isEmpty();
    }
}
