package io.tenantry.access;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

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
     * (and the public tenant's), bumping each one's access version ({@link AccessVersions}). The memberships
     * go first, and the groups follow what that deletion removed: a tenant the account joined while the
     * deactivation began loses its groups too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void leaveEveryTenant(@Observes AccountDeactivated deactivated) {
        @SuppressWarnings("unchecked")
        List<Number> left = em.createNativeQuery("DELETE FROM public.tenant_member WHERE account_id = ? "
                + "RETURNING tenant_id").setParameter(1, deactivated.accountId()).getResultList();
        List<Tenant> members = left.stream().map(id -> directory.find(id.longValue())).flatMap(Optional::stream).toList();
        // By schema name: two departures lock the tenants they share in the same order.
        List<Tenant> tenants = Stream.concat(directory.find(TenantLabel.PUBLIC).stream(), members.stream()).distinct()
                .sorted(Comparator.comparing(tenant -> tenant.schema().value())).toList();
        for (Tenant tenant : tenants) {
            TenantRestores.holdOff(em, tenant.schema()); // bound to no tenant: a restore of this one waits, or is waited for
            em.createNativeQuery("DELETE FROM " + tenant.schema().quoted() + ".group_member WHERE account_id = ?")
                    .setParameter(1, deactivated.accountId()).executeUpdate();
            accessVersions.bump(tenant.id());
        }
        // Each tenant's trail tells its Administrators that the member left, and why.
        members.forEach(tenant -> audited.fire(Audited.in(tenant, "member.removed", deactivated.username())
                .before(Map.of("member", true)).after(Map.of("member", false, "reason", "account deactivated"))));
        LOG.info("Account " + deactivated.username() + " left " + members.size() + " tenant(s)");
    }
}
