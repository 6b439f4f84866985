package io.tenantry.access;

import io.tenantry.accounts.Account;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The invited person's side, on the public host: the link from the mail plus a password of their
 * choice make the account usable and the invitation accepted, in one transaction. A password that
 * breaks the rules leaves the link unused.
 */
@ApplicationScoped
@Transactional
public class InvitationAcceptance {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    SingleUseLinks links;

    @Inject
    Accounts accounts;

    @Inject
    TenantDirectory directory;

    /** Whom the invitation was for and to which tenant, once accepted. */
    public record Accepted(Account account, Tenant tenant) {
    }

    public Accepted accept(String secret, String password) {
        SingleUseLinks.Redeemed redeemed = links.redeem(SingleUseLinks.Purpose.INVITATION, secret);
        Account account = accounts.findActive(redeemed.accountId())
                .orElseThrow(() -> new SingleUseLinks.LinkRefusedException("link.accountDeactivated"));
        Tenant tenant = directory.all().stream().filter(t -> redeemed.tenantId().orElse(-1L) == t.id()).findFirst()
                .orElseThrow(() -> new SingleUseLinks.LinkRefusedException("link.tenantGone"));
        if (account.hasPassword()) {
            // Chosen since by registering or a reset: an invitation's link must not replace it.
            throw new SingleUseLinks.LinkRefusedException("link.passwordChosen");
        }
        accounts.choosePassword(account.id(), password);
        em.createNativeQuery("UPDATE public.invitation SET accepted_at = now() WHERE tenant_id = ? AND account_id = ? "
                + "AND accepted_at IS NULL").setParameter(1, tenant.id()).setParameter(2, account.id()).executeUpdate();
        return new Accepted(account, tenant);
    }
}
