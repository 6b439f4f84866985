package io.tenantry.access;

import java.util.List;
import java.util.Optional;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Whom a refused person may ask: the tenant's owner and its Administrators, by the names members
 * see of each other. Named only to the tenant's own members: a stranger learns nothing of who is in
 * a private tenant, and is told to ask its owner or an Administrator without names.
 */
@ApplicationScoped
public class TenantContacts {

    private static final String ADMINISTRATOR = "Administrator";

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    ListedMembers listed;

    @Inject
    TenantContext context;

    @Inject
    Members members;

    @Inject
    TenantAccess access;

    @Inject
    TenantTermsDirectory tenantTerms;

    /** The owner's name (display name, else user name), if the caller is a member of the tenant and it has an owner. */
    @Transactional
    public Optional<String> ownerOf(Tenant tenant) {
        Optional<Caller> me = caller.signedIn();
        if (me.isEmpty() || tenantTerms.of(tenant).ownerId().isEmpty() || !listed.lists(tenant, me.get().accountId())) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT username, display_name FROM public.account WHERE id = ?")
                .setParameter(1, tenantTerms.of(tenant).ownerId().get()).getResultList();
        return rows.stream().findFirst().map(row -> ((String) row[1]).isBlank() ? (String) row[0] : (String) row[1]);
    }

    /** The names of this host's Administrators other than the owner, for a member of it; none for anyone else. */
    public List<String> administratorsHere() {
        if (!context.isEntered() || access.current().entry() != Access.Entry.MEMBER) {
            return List.of();
        }
        return members.list().stream().filter(m -> !m.owner() && m.groups().contains(ADMINISTRATOR))
                .map(Member::displayName).toList();
    }
}
