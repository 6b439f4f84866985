package io.tenantry.access;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import io.tenantry.accounts.AccountDeactivated;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantRestores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A deactivated account leaves every tenant it was an authorized user of, and every group there
 * (the public tenant's too, whose groups need no membership), in the transaction that deactivates
 * it: should this fail, the account stays active.
 */
@ApplicationScoped
public class AccountDeparture {

    private static final Logger LOG = Logger.getLogger(AccountDeparture.class.getName());

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    AccessVersions accessVersions;

    @Inject
    TenantDirectory directory;

    @Inject
    Event<Audited> audited;

    /**
     * Removes the account's memberships, then its groups in the schema of each tenant it was a member of
     * (and the public tenant's), bumping the access version ({@link AccessVersions}) of each tenant where
     * something was removed. The groups follow what the deletion of the memberships removed, so a tenant
     * whose acceptance committed before that deletion ran loses its groups too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void leaveEveryTenant(@Observes AccountDeactivated deactivated) {
        @SuppressWarnings("unchecked")
        List<Number> left = em.createNativeQuery("DELETE FROM public.tenant_member WHERE account_id = ? "
                + "RETURNING tenant_id").setParameter(1, deactivated.accountId()).getResultList();
        Set<Long> leftIds = left.stream().map(Number::longValue).collect(Collectors.toSet());
        List<Tenant> tenantsLeft = leftIds.stream().map(directory::find).flatMap(Optional::stream).toList();
        // One per id, by schema name: two departures lock the tenants they share in the same order.
        Map<Long, Tenant> byId = new TreeMap<>();
        directory.find(TenantLabel.PUBLIC).ifPresent(publicTenant -> byId.put(publicTenant.id(), publicTenant));
        tenantsLeft.forEach(tenant -> byId.put(tenant.id(), tenant));
        List<Tenant> tenants = byId.values().stream().sorted(Comparator.comparing(tenant -> tenant.schema().value())).toList();
        for (Tenant tenant : tenants) {
            TenantRestores.holdOff(em, tenant.schema()); // bound to no tenant: a restore of this one waits, or is waited for
            int removed = em.createNativeQuery("DELETE FROM " + tenant.schema().quoted() + ".group_member WHERE account_id = ?")
                    .setParameter(1, deactivated.accountId()).executeUpdate();
            if (removed > 0 || leftIds.contains(tenant.id())) {
                accessVersions.bump(tenant.id());
            }
        }
        // Each tenant's trail tells its Administrators that the member left, and why.
        tenantsLeft.forEach(tenant -> audited.fire(Audited.in(tenant, "member.removed", deactivated.username())
                .before(Map.of("member", true)).after(Map.of("member", false, "reason", "account deactivated"))));
        LOG.info("Account " + deactivated.username() + " left " + tenantsLeft.size() + " tenant(s)");
    }
}
