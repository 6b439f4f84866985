package io.tenantry.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import io.tenantry.accounts.AccountDeactivated;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.TenantDirectory;
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
    MembershipChanges changes;

    @Inject
    TenantDirectory directory;

    @Inject
    Event<Audited> audited;

    /** Removes the account's groups in each of its tenants' schemas, then its memberships. */
    @Transactional(Transactional.TxType.MANDATORY)
    void leaveEveryTenant(@Observes AccountDeactivated deactivated) {
        @SuppressWarnings("unchecked")
        List<Object[]> schemas = em.createNativeQuery("SELECT t.id, t.schema_name FROM public.tenant t WHERE t.label = 'public' "
                        + "OR t.id IN (SELECT m.tenant_id FROM public.tenant_member m WHERE m.account_id = ?) ORDER BY t.schema_name")
                .setParameter(1, deactivated.accountId()).getResultList();
        for (Object[] tenant : schemas) {
            SchemaName schema = new SchemaName((String) tenant[1]);
            TenantRestores.holdOff(em, schema); // bound to no tenant: a restore of this one waits, or is waited for
            em.createNativeQuery("DELETE FROM " + schema.quoted() + ".group_member WHERE account_id = ?")
                    .setParameter(1, deactivated.accountId()).executeUpdate();
            changes.count(((Number) tenant[0]).longValue());
        }
        @SuppressWarnings("unchecked")
        List<Number> tenantIds = em.createNativeQuery("DELETE FROM public.tenant_member WHERE account_id = ? "
                + "RETURNING tenant_id").setParameter(1, deactivated.accountId()).getResultList();
        // Each tenant's trail tells its Administrators that the member left, and why.
        tenantIds.stream().map(id -> directory.find(id.longValue())).flatMap(Optional::stream)
                .forEach(tenant -> audited.fire(Audited.in(tenant, "member.removed", deactivated.username())
                        .before(Map.of("member", true)).after(Map.of("member", false, "reason", "account deactivated"))));
        LOG.info("Account " + deactivated.username() + " left " + schemas.size() + " tenant(s)");
    }
}
