package io.tenantry.access;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tenantry.accounts.Account;
import io.tenantry.accounts.AccountRules;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.mail.MailTemplates;
import io.tenantry.mail.Mailer;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Invitations to the current tenant by e-mail address. An address with an account is authorized at
 * once and told so; an unknown one gets an account without a password and a link, valid for
 * {@link #VALID_FOR}, to choose one and land in the tenant. Inviting again is harmless: a pending
 * invitation is sent again, an accepted one is left alone.
 */
@ApplicationScoped
@Transactional
@TenantData
public class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    private static final int MAX_PER_CALL = 50;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantContext context;

    @Inject
    Accounts accounts;

    @Inject
    Members members;

    @Inject
    SingleUseLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    CurrentCaller caller;

    /** What became of one invited address. */
    public enum Outcome {
        /** It had an account, which is now authorized here. */
        ADDED,
        /** It had none: an invitation with a link was sent. */
        INVITED,
        /** Its invitation was still pending: the link was sent again. */
        SENT_AGAIN,
        /** It was authorized here already: nothing changed. */
        ALREADY_MEMBER
    }

    public record Result(String email, Outcome outcome) {
    }

    public record Pending(long id, String email, String username, OffsetDateTime invitedAt, OffsetDateTime lastSentAt,
            boolean expired) {
    }

    /** Invites every address in the text (separated by commas, semicolons, spaces or lines). */
    @Requires(Permission.INVITATIONS_MANAGE)
    public List<Result> invite(String addresses, String publicRoot, String tenantRoot) {
        Set<String> emails = new LinkedHashSet<>(Arrays.stream((addresses == null ? "" : addresses).split("[,;\\s]+"))
                .filter(text -> !text.isBlank()).map(AccountRules::email).toList());
        if (emails.isEmpty()) {
            throw new BrokenRuleException("invitation.noAddress");
        }
        if (emails.size() > MAX_PER_CALL) {
            throw new BrokenRuleException("invitation.tooMany", MAX_PER_CALL);
        }
        List<Result> results = new ArrayList<>();
        for (String email : emails) {
            results.add(inviteOne(accounts.forAddress(email), publicRoot, tenantRoot));
        }
        return results;
    }

    @Requires(Permission.INVITATIONS_MANAGE)
    public List<Pending> pending() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT i.id, i.email, a.username, i.created_at, i.last_sent_at "
                        + "FROM public.invitation i JOIN public.account a ON a.id = i.account_id "
                        + "WHERE i.tenant_id = ? AND i.accepted_at IS NULL ORDER BY i.created_at DESC")
                .setParameter(1, context.tenant().id()).getResultList();
        OffsetDateTime now = OffsetDateTime.now();
        return rows.stream().map(row -> {
            OffsetDateTime lastSent = Members.timeOf(row[4]);
            return new Pending(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    Members.timeOf(row[3]), lastSent, lastSent.plus(VALID_FOR).isBefore(now));
        }).toList();
    }

    @Requires(Permission.INVITATIONS_MANAGE)
    public void resend(long id, String publicRoot, String tenantRoot) {
        long accountId = ((Number) pendingRow(id)[1]).longValue();
        resendPending(id, accounts.findActive(accountId).orElseThrow(() -> new NoSuchItemException("invitation", id)),
                publicRoot, tenantRoot);
    }

    /** Withdraws a pending invitation: the link stops working and the person leaves the tenant. */
    @Requires(Permission.INVITATIONS_MANAGE)
    public void revoke(long id) {
        long accountId = ((Number) pendingRow(id)[1]).longValue();
        links.withdraw(SingleUseLinks.Purpose.INVITATION, accountId, context.tenant().id());
        members.dismiss(accountId);
        em.createNativeQuery("DELETE FROM public.invitation WHERE id = ?").setParameter(1, id).executeUpdate();
    }

    private Result inviteOne(Account account, String publicRoot, String tenantRoot) {
        Tenant tenant = context.tenant();
        @SuppressWarnings("unchecked")
        List<Object[]> existing = em.createNativeQuery("SELECT id, accepted_at FROM public.invitation "
                + "WHERE tenant_id = ? AND email = ?").setParameter(1, tenant.id()).setParameter(2, account.email())
                .getResultList();
        if (!existing.isEmpty() && existing.get(0)[1] == null) {
            resendPending(((Number) existing.get(0)[0]).longValue(), account, publicRoot, tenantRoot);
            return new Result(account.email(), Outcome.SENT_AGAIN);
        }
        boolean admitted = members.admit(account.id());
        if (account.hasPassword()) {
            if (admitted) {
                mailer.send(templates.render(account.email(), "added", tenant.name(), account.displayName(), inviter(),
                        tenantRoot));
            }
            return new Result(account.email(), admitted ? Outcome.ADDED : Outcome.ALREADY_MEMBER);
        }
        em.createNativeQuery("INSERT INTO public.invitation (tenant_id, email, account_id, invited_by) VALUES (?, ?, ?, ?)")
                .setParameter(1, tenant.id()).setParameter(2, account.email()).setParameter(3, account.id())
                .setParameter(4, caller.require().accountId()).executeUpdate();
        sendLink(account, publicRoot, tenantRoot);
        return new Result(account.email(), Outcome.INVITED);
    }

    private void resendPending(long id, Account account, String publicRoot, String tenantRoot) {
        sendLink(account, publicRoot, tenantRoot);
        em.createNativeQuery("UPDATE public.invitation SET last_sent_at = now() WHERE id = ?").setParameter(1, id)
                .executeUpdate();
    }

    /** A new link replaces the ones sent before, so only the latest mail works. */
    private void sendLink(Account account, String publicRoot, String tenantRoot) {
        Tenant tenant = context.tenant();
        links.withdraw(SingleUseLinks.Purpose.INVITATION, account.id(), tenant.id());
        String secret = links.issue(SingleUseLinks.Purpose.INVITATION, account.id(), tenant.id(), null, VALID_FOR);
        mailer.send(templates.render(account.email(), "invitation", tenant.name(), inviter(), account.username(),
                tenantRoot, VALID_FOR.toDays(), publicRoot + "/accept-invitation.xhtml?token=" + secret));
    }

    private String inviter() {
        return caller.signedIn().map(c -> c.username()).orElse("Someone");
    }

    private Object[] pendingRow(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, account_id FROM public.invitation "
                        + "WHERE id = ? AND tenant_id = ? AND accepted_at IS NULL")
                .setParameter(1, id).setParameter(2, context.tenant().id()).getResultList();
        if (rows.isEmpty()) {
            throw new NoSuchItemException("invitation", id);
        }
        return rows.get(0);
    }
}
