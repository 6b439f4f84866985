package io.tenantry.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
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
     * The account's permissions here (those of its groups in the tenant's schema), or nothing when
     * it is not authorized. The public tenant follows the same rule: registering makes an account
     * no member of it. One statement: whether {@code public.tenant_member} lists the account (as
     * {@link ListedMembers} asks) and its groups' permissions, a row for each (a single row with
     * none when it is listed with no permission, no row when it is not listed), because each
     * statement a request sends to a tenant is parsed and planned again on a connection that has not
     * served the tenant lately (bench/README.md, "What a read costs PostgreSQL"). The set cannot be
     * changed. {@link TenantAccess} asks through {@link KnownPermissions}, which reads this only when
     * the tenant's access version moved; {@link UpgradeFailureReaders} (rare) asks it directly.
     */
    public Optional<Set<Permission>> permissionsOf(Tenant tenant, long accountId) {
        @SuppressWarnings("unchecked")
        // No DISTINCT: the set removes repeats.
        List<String> codes = em.createNativeQuery("SELECT p.permission FROM public.tenant_member t "
                        + "LEFT JOIN group_permission p ON p.group_id IN (SELECT m.group_id FROM group_member m WHERE m.account_id = ?) "
                        + "WHERE t.tenant_id = ? AND t.account_id = ?")
                .setParameter(1, accountId).setParameter(2, tenant.id()).setParameter(3, accountId).getResultList();
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        codes.stream().filter(Objects::nonNull).forEach(code -> Permission.ofCode(code).ifPresent(permissions::add));
        return Optional.of(Collections.unmodifiableSet(permissions)); // kept and shared by KnownPermissions
    }
}
