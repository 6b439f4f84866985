package io.tenantry.access;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tenantry.accounts.AccountRules;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.InvalidAccountException;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.mail.MailTemplates;
import io.tenantry.mail.Mailer;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Invitations to the current tenant by e-mail address. Every invitation is a link, valid for
 * {@link #VALID_FOR}, mailed to the address: no one joins a tenant without accepting. Whoever
 * accepts is the account of that address, signed in, or registers through the link when the
 * address has none ({@link InvitationAcceptance}); no account is made before. The answer is the same
 * whether or not the address has an account, so inviting tells nothing about who has one. Inviting
 * again is harmless: a pending invitation is sent again, a member is left alone. One address
 * receives at most a few invitation mails a day, whichever tenants send them
 * ({@link InvitationMailLimit}). Members and pending invitations together stay within the member limit
 * of the tenant's plan ({@link MemberLimit}): a list that would pass it is refused whole (409).
 */
@ApplicationScoped
@Transactional
@TenantData
public class Invitations {

    // The audit trail's names of what became of an address.
    private static final String AUDIT_SENT = "invitation.sent";
    private static final String AUDIT_SENT_AGAIN = "invitation.resent";

    @Inject
    Event<Audited> audited;

    static final Duration VALID_FOR = Duration.ofDays(7);
    /**
     * SQL of an invitation that still holds a place in the tenant's plan: not accepted, and its link
     * (sent last at {@code last_sent_at}) not expired. An expired one stays listed until withdrawn or
     * sent again, which counts it anew.
     */
    static final String HOLDS_A_PLACE = "accepted_at IS NULL AND last_sent_at > now() - interval '"
            + VALID_FOR.toSeconds() + " seconds'";
    private static final int MAX_PER_CALL = 50;
    private static final String PENDING = "SELECT number, email, created_at, last_sent_at FROM public.invitation "
            + "WHERE tenant_id = ? AND accepted_at IS NULL ";

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantContext context;

    @Inject
    SingleUseLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    CurrentCaller caller;

    @Inject
    InvitationMailLimit limit;

    @Inject
    MemberLimit memberLimit;

    /** What became of one invited address; never whether it has an account. */
    @Schema(name = "InvitationOutcome")
    public enum Outcome {
        /** A link was mailed to it. */
        INVITED,
        /** Its invitation was still pending: a new link was sent, replacing the old. */
        SENT_AGAIN,
        /** It is the address of a member here already: nothing changed, no mail. */
        ALREADY_MEMBER,
        /** Our address rule ({@link AccountRules#email}) refuses it: nothing recorded, no mail. */
        ADDRESS_REFUSED,
        /** It received its share of invitation mails ({@link InvitationMailLimit}): nothing recorded, no mail. */
        MAIL_LIMIT_REACHED
    }

    /**
     * One address's outcome; {@code id} names its pending invitation by its number among the tenant's
     * (1, 2, …: never the row's platform-wide id, whose gaps would tell how many invitations other
     * tenants sent), null when none was recorded.
     */
    @Schema(name = "InvitationResult")
    public record Result(Long id, String email, Outcome outcome) {
    }

    /** A pending invitation; {@code id} is its number among the tenant's, as in {@link Result}. */
    public record Pending(long id, String email, OffsetDateTime invitedAt, OffsetDateTime lastSentAt, boolean expired) {
    }

    /** The addresses typed in one text, separated by commas, semicolons, spaces or lines (the page's field). */
    public static List<String> addressesIn(String text) {
        return Arrays.stream((text == null ? "" : text).split("[,;\\s]+")).filter(address -> !address.isBlank()).toList();
    }

    /**
     * Invites every address given, at most {@value #MAX_PER_CALL}; {@code publicRoot} and
     * {@code tenantRoot}: the public host's and the tenant's addresses (TenantUrls). Gives one result
     * per address, in order. Refuses malformed addresses ({@link BrokenRuleException}) and, before
     * sending anything, an address that received its share of invitation mails today
     * ({@link io.tenantry.accounts.TooManyAttemptsException}).
     */
    @Requires(Permission.INVITATIONS_MANAGE)
    public List<Result> invite(List<String> addresses, String publicRoot, String tenantRoot) {
        Set<String> emails = new LinkedHashSet<>((addresses == null ? List.<String>of() : addresses).stream()
                .map(AccountRules::email).toList());
        if (emails.isEmpty()) {
            throw new BrokenRuleException("invitation.noAddress");
        }
        if (emails.size() > MAX_PER_CALL) {
            throw new BrokenRuleException("invitation.tooMany", MAX_PER_CALL);
        }
        return send(context.tenant(), emails, publicRoot, tenantRoot);
    }

    /**
     * Invites each address to {@code tenant}, which must be the current tenant, leaving out (not
     * refusing) those that cannot be invited: for services that bring people in on their own terms
     * (an archive's members), where one such address must not stop the rest. Gives one result per
     * address, in order: {@link Outcome#ADDRESS_REFUSED} for an address our rule refuses,
     * {@link Outcome#MAIL_LIMIT_REACHED} for one that received its share of mails, otherwise as
     * {@link #invite(List, String, String)}.
     */
    @Requires(Permission.INVITATIONS_MANAGE)
    public List<Result> inviteWherePossible(Tenant tenant, List<String> emails, String publicRoot, String tenantRoot) {
        if (tenant.id() != context.tenant().id()) {
            throw new IllegalStateException("Invitations are sent to the current tenant only, not " + tenant.label());
        }
        List<Result> results = new ArrayList<>();
        Set<String> invitable = new LinkedHashSet<>();
        for (String given : emails) {
            Optional<String> email = acceptable(given);
            if (email.isEmpty()) {
                results.add(new Result(null, given, Outcome.ADDRESS_REFUSED));
            } else if (!isMember(tenant, email.get()) && !limit.allows(email.get())) {
                results.add(new Result(null, email.get(), Outcome.MAIL_LIMIT_REACHED));
            } else {
                invitable.add(email.get());
            }
        }
        if (!invitable.isEmpty()) {
            results.addAll(send(tenant, invitable, publicRoot, tenantRoot));
        }
        return results;
    }

    /** The address as our rule writes it, or empty when the rule refuses it. */
    private static Optional<String> acceptable(String email) {
        try {
            return Optional.of(AccountRules.email(email));
        } catch (InvalidAccountException refused) {
            return Optional.empty();
        }
    }

    private List<Result> send(Tenant tenant, Set<String> emails, String publicRoot, String tenantRoot) {
        List<String> toMail = emails.stream().filter(email -> !isMember(tenant, email)).toList();
        // Every limit is checked before any mail goes: a refusal leaves nothing sent and nothing recorded.
        toMail.forEach(limit::check);
        // Addresses whose invitation still holds a place were counted when sent; the plan counts the others.
        memberLimit.requireRoomToInvite(tenant, (int) toMail.stream().filter(email -> !holdsAPlace(tenant, email))
                .count());
        List<Result> results = new ArrayList<>();
        for (String email : emails) {
            if (!toMail.contains(email)) {
                results.add(new Result(null, email, Outcome.ALREADY_MEMBER));
                continue;
            }
            Long pending = pendingNumber(tenant, email);
            long id;
            if (pending == null) {
                // An accepted invitation of the address is made new, under a new number.
                id = ((Number) em.createNativeQuery("INSERT INTO public.invitation (tenant_id, number, email, invited_by) "
                                + "VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, email) DO UPDATE SET accepted_at = NULL, "
                                + "account_id = NULL, invited_by = EXCLUDED.invited_by, created_at = now(), "
                                + "last_sent_at = now(), number = EXCLUDED.number RETURNING number")
                        .setParameter(1, tenant.id()).setParameter(2, nextNumber(tenant)).setParameter(3, email)
                        .setParameter(4, caller.require().accountId()).getSingleResult()).longValue();
            } else {
                id = pending;
                markSent(pending);
            }
            sendLink(tenant, email, publicRoot, tenantRoot);
            results.add(new Result(id, email, pending == null ? Outcome.INVITED : Outcome.SENT_AGAIN));
            audited.fire(Audited.in(tenant, pending == null ? AUDIT_SENT : AUDIT_SENT_AGAIN, email));
        }
        return results;
    }

    /** The pending invitations of the current tenant, newest first. */
    @Requires(Permission.INVITATIONS_MANAGE)
    public List<Pending> pending() {
        return pendingOf(em.createNativeQuery(PENDING + "ORDER BY created_at DESC")
                .setParameter(1, context.tenant().id()));
    }

    /** The current tenant's pending invitation of this number; {@link NoSuchItemException} for an accepted one or another number. */
    @Requires(Permission.INVITATIONS_MANAGE)
    public Pending get(long number) {
        return pendingOf(em.createNativeQuery(PENDING + "AND number = ?").setParameter(1, context.tenant().id())
                .setParameter(2, number)).stream().findFirst()
                .orElseThrow(() -> new NoSuchItemException("invitation", number));
    }

    private static List<Pending> pendingOf(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        OffsetDateTime now = OffsetDateTime.now();
        return rows.stream().map(row -> {
            OffsetDateTime lastSent = Members.timeOf(row[3]);
            return new Pending(((Number) row[0]).longValue(), (String) row[1], Members.timeOf(row[2]), lastSent,
                    lastSent.plus(VALID_FOR).isBefore(now));
        }).toList();
    }

    /** Sends a pending invitation's link again (the old one stops working); counts against the recipient's limit. */
    @Requires(Permission.INVITATIONS_MANAGE)
    public void resend(long number, String publicRoot, String tenantRoot) {
        String email = pendingEmail(number);
        limit.check(email);
        markSent(number);
        sendLink(context.tenant(), email, publicRoot, tenantRoot);
        audited.fire(Audited.in(context.tenant(), AUDIT_SENT_AGAIN, email));
    }

    /** Withdraws a pending invitation: its link stops working. */
    @Requires(Permission.INVITATIONS_MANAGE)
    public void revoke(long number) {
        String email = pendingEmail(number);
        links.withdrawFor(SingleUseLinks.Purpose.INVITATION, email, context.tenant().id());
        em.createNativeQuery("DELETE FROM public.invitation WHERE tenant_id = ? AND number = ?")
                .setParameter(1, context.tenant().id()).setParameter(2, number).executeUpdate();
        audited.fire(Audited.in(context.tenant(), "invitation.revoked", email));
    }

    private boolean isMember(Tenant tenant, String email) {
        return !em.createNativeQuery("SELECT 1 FROM public.tenant_member m JOIN public.account a ON a.id = m.account_id "
                        + "WHERE m.tenant_id = ? AND a.email = ? AND a.active")
                .setParameter(1, tenant.id()).setParameter(2, email).getResultList().isEmpty();
    }

    private Long pendingNumber(Tenant tenant, String email) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT number FROM public.invitation WHERE tenant_id = ? AND email = ? "
                + "AND accepted_at IS NULL").setParameter(1, tenant.id()).setParameter(2, email).getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }

    private boolean holdsAPlace(Tenant tenant, String email) {
        return !em.createNativeQuery("SELECT 1 FROM public.invitation WHERE tenant_id = ? AND email = ? AND "
                + HOLDS_A_PLACE).setParameter(1, tenant.id()).setParameter(2, email).getResultList().isEmpty();
    }

    private void markSent(long number) {
        em.createNativeQuery("UPDATE public.invitation SET last_sent_at = now() WHERE tenant_id = ? AND number = ?")
                .setParameter(1, context.tenant().id()).setParameter(2, number).executeUpdate();
    }

    /**
     * The tenant's next invitation number. The counter's row stays locked until this transaction ends,
     * so two invitations of one tenant never take the same number.
     */
    private long nextNumber(Tenant tenant) {
        return ((Number) em.createNativeQuery("INSERT INTO public.invitation_counter AS c (tenant_id, last) VALUES (?, 1) "
                + "ON CONFLICT (tenant_id) DO UPDATE SET last = c.last + 1 RETURNING last")
                .setParameter(1, tenant.id()).getSingleResult()).longValue();
    }

    /** A new link replaces the ones sent before, so only the latest mail works. */
    private void sendLink(Tenant tenant, String email, String publicRoot, String tenantRoot) {
        links.withdrawFor(SingleUseLinks.Purpose.INVITATION, email, tenant.id());
        String secret = links.issueFor(SingleUseLinks.Purpose.INVITATION, email, null, tenant.id(), VALID_FOR);
        limit.count(email);
        mailer.send(templates.render(email, "invitation", tenant.name(), inviter(), tenantRoot, VALID_FOR.toDays(),
                publicRoot + "/accept-invitation.xhtml?token=" + secret));
    }

    private String inviter() {
        return caller.signedIn().map(c -> c.username()).orElse("Someone");
    }

    private String pendingEmail(long number) {
        @SuppressWarnings("unchecked")
        List<String> emails = em.createNativeQuery("SELECT email FROM public.invitation "
                        + "WHERE number = ? AND tenant_id = ? AND accepted_at IS NULL")
                .setParameter(1, number).setParameter(2, context.tenant().id()).getResultList();
        if (emails.isEmpty()) {
            throw new NoSuchItemException("invitation", number);
        }
        return emails.get(0);
    }
}
