package io.tenantry.access;

import java.util.Map;
import java.util.Optional;

import io.tenantry.accounts.Account;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantRestores;
import io.tenantry.tenancy.TenantRestoringException;
import io.tenantry.tenancy.TenantUpgradingException;
import io.tenantry.tenancy.UpgradeState;
import io.tenantry.tenancy.UpgradeStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The invited person's side, on the public host: the link from the mail, accepted by the account
 * whose address it was sent to (signed in), or by registering an account for that address through
 * the link when it has none. Only then does anyone join: the account becomes a member, in the
 * tenant's default groups, and the invitation is accepted, in one transaction. A refusal (another
 * account, a name or password that breaks the rules, a tenant whose plan was lowered below its
 * members since: {@link MemberLimit}; a tenant being restored or upgraded) leaves the link unused. The link never sets the password of an
 * account that has one.
 */
@ApplicationScoped
@Transactional
public class InvitationAcceptance {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    AccessVersions accessVersions;

    @Inject
    SingleUseLinks links;

    @Inject
    Accounts accounts;

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentCaller caller;

    @Inject
    Event<Audited> audited;

    @Inject
    MemberLimit memberLimit;

    @Inject
    TenantRestores restores;

    @Inject
    UpgradeStates upgrades;

    /** What a usable link offers: the tenant, the address it was sent to, and whether that address has an account to sign in to. */
    public record Offer(Tenant tenant, String email, boolean accountExists) {
    }

    /** Whom the invitation was accepted by and to which tenant. */
    public record Accepted(Account account, Tenant tenant) {
    }

    /** What the link offers, leaving it unused; {@link SingleUseLinks.LinkRefusedException} when it cannot be used. */
    public Offer look(String secret) {
        SingleUseLinks.Redeemed link = links.peek(SingleUseLinks.Purpose.INVITATION, secret);
        String email = link.email().orElseThrow();
        return new Offer(tenantOf(link), email, accounts.findByEmail(email).filter(Account::hasPassword).isPresent());
    }

    /**
     * Accepts the invitation as the signed-in caller (account-wide: not with a tenant host's session),
     * who must be the account of the address it was sent to; refuses anyone else
     * ({@link SingleUseLinks.LinkRefusedException}, the link stays usable).
     */
    public Accepted acceptAsCaller(String secret) {
        long me = caller.requireAccountWide().accountId();
        SingleUseLinks.Redeemed link = links.redeem(SingleUseLinks.Purpose.INVITATION, secret);
        String email = link.email().orElseThrow();
        Tenant tenant = tenantOf(link);
        Account account = accounts.findActive(me).orElseThrow();
        if (!account.email().equals(email)) {
            throw new SingleUseLinks.LinkRefusedException("invitation.otherAddress", email, account.username());
        }
        return joined(account, tenant);
    }

    /**
     * Accepts the invitation by registering an account for the address it was sent to, with this
     * user name, display name and password; the caller then signs it in. Refuses when the address has
     * an account with a password (sign in to it instead) or a deactivated one, and names or passwords
     * that break the rules ({@link io.tenantry.accounts.InvalidAccountException},
     * {@link io.tenantry.accounts.AccountConflictException}); the link stays usable.
     */
    public Accepted register(String secret, String username, String displayName, String password) {
        SingleUseLinks.Redeemed link = links.redeem(SingleUseLinks.Purpose.INVITATION, secret);
        String email = link.email().orElseThrow();
        Tenant tenant = tenantOf(link);
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent() && !existing.get().isActive()) {
            throw new SingleUseLinks.LinkRefusedException("link.accountDeactivated");
        }
        if (existing.isPresent() && existing.get().hasPassword()) {
            throw new SingleUseLinks.LinkRefusedException("invitation.signInToAccept", email);
        }
        // An account left behind by a registration no one finished holds the address: this finishes it.
        Account account = existing.isPresent()
                ? accounts.completeRegistration(existing.get().id(), username, displayName, password)
                : accounts.create(username, email, displayName, password);
        return joined(account, tenant);
    }

    /** The address of an active account, for telling whether the signed-in person is the one invited. */
    public Optional<String> addressOf(long accountId) {
        return accounts.findActive(accountId).map(Account::email);
    }

    private Accepted joined(Account account, Tenant tenant) {
        requireSchemaInService(tenant);
        boolean member = !em.createNativeQuery("SELECT 1 FROM public.tenant_member WHERE tenant_id = ? AND "
                + "account_id = ?").setParameter(1, tenant.id()).setParameter(2, account.id()).getResultList().isEmpty();
        if (!member) {
            // Under the tenant's lock: two accepted at once are counted one after the other.
            memberLimit.requireRoomToJoin(tenant);
        }
        int added = em.createNativeQuery("INSERT INTO public.tenant_member (tenant_id, account_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING").setParameter(1, tenant.id()).setParameter(2, account.id()).executeUpdate();
        if (added == 1) {
            String schema = tenant.schema().quoted();
            em.createNativeQuery("INSERT INTO " + schema + ".group_member (group_id, account_id) SELECT id, ? FROM "
                            + schema + ".access_group WHERE member_default ON CONFLICT DO NOTHING")
                    .setParameter(1, account.id()).executeUpdate();
            accessVersions.bump(tenant.id());
        }
        em.createNativeQuery("UPDATE public.invitation SET accepted_at = now(), account_id = ? WHERE tenant_id = ? "
                        + "AND email = ? AND accepted_at IS NULL")
                .setParameter(1, account.id()).setParameter(2, tenant.id()).setParameter(3, account.email())
                .executeUpdate();
        audited.fire(Audited.in(tenant, "invitation.accepted", account.email()).by(account.username())
                .after(Map.of("member", account.username())));
        if (added == 1) {
            audited.fire(Audited.in(tenant, "member.added", account.username()).by(account.username())
                    .before(Map.of("member", false)).after(Map.of("member", true)));
        }
        return new Accepted(account, tenant);
    }

    /**
     * Written from the public host into the tenant's schema (its default groups), so none of the tenant's
     * own transactions: held by the tenant's shared lock as they are, so that a restore waits for it, and
     * refused while the schema is being restored ({@link TenantRestoringException}) or is behind the code
     * ({@link TenantUpgradingException}), both 503 with the link left usable. Asked before the lock too, so
     * that a restore under way is answered at once rather than waited for.
     */
    private void requireSchemaInService(Tenant tenant) {
        requireServed(tenant);
        TenantRestores.holdOff(em, tenant.schema());
        requireServed(tenant);
    }

    private void requireServed(Tenant tenant) {
        // By id from the registry, not this instance's memory: a deletion or restore another instance began is seen.
        Tenant now = directory.find(tenant.id()).filter(found -> !found.beingDeleted())
                .orElseThrow(() -> new SingleUseLinks.LinkRefusedException("link.tenantGone"));
        if (restores.isUnderway(now)) {
            throw new TenantRestoringException(now.label());
        }
        if (upgrades.of(now).phase() != UpgradeState.Phase.CURRENT) {
            throw new TenantUpgradingException(now.label());
        }
    }

    private Tenant tenantOf(SingleUseLinks.Redeemed link) {
        return link.tenantId().flatMap(directory::find).filter(tenant -> !tenant.beingDeleted())
                .orElseThrow(() -> new SingleUseLinks.LinkRefusedException("link.tenantGone"));
    }
}
