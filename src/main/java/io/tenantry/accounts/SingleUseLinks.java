package io.tenantry.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.tenantry.platform.Reason;
import io.tenantry.platform.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Secrets sent in links that work once and expire: sign-in hand-offs to a tenant host, password
 * resets, invitations, registrations, confirmations of a new e-mail address, offers of a tenant's
 * ownership. Only a digest is stored; using one marks it used in the same statement, so two
 * concurrent uses cannot both succeed. A link that a newer one replaces is withdrawn, so that only
 * the latest works. A link names an account, an address (an invitation: the address may have no
 * account yet), or both (a new address of an account).
 */
@ApplicationScoped
@Transactional
public class SingleUseLinks {

    public enum Purpose {
        HANDOFF, PASSWORD_RESET, INVITATION, REGISTRATION,
        /** A new e-mail address of an account, confirmed by the link sent to it. */
        EMAIL_CHANGE,
        /** A tenant offered to a member, who becomes its owner by accepting. */
        OWNERSHIP
    }

    /**
     * What a used (or looked at) link carries: whose account it is, if it names one; for which
     * tenant; from which sign-in; to which address it was sent, if it names one.
     */
    public record Redeemed(Optional<Long> account, Optional<Long> tenantId, Optional<String> signInId,
            Optional<String> email) {

        /** The account of a link issued for one (every purpose but invitations). */
        public long accountId() {
            return account.orElseThrow(() -> new IllegalStateException("This link names an address, not an account."));
        }
    }

    /** Why a link did not work, in words a person can act on. */
    public static class LinkRefusedException extends RefusedException {
        public LinkRefusedException(String key, Object... arguments) {
            super(key, arguments);
        }
    }

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /** A new link's secret; {@code tenantId} and {@code signInId} may be null (typed in SQL, as nulls carry no type). */
    public String issue(Purpose purpose, long accountId, Long tenantId, String signInId, Duration validFor) {
        String secret = Secrets.random();
        em.createNativeQuery("INSERT INTO public.single_use_token (token_hash, purpose, account_id, tenant_id, "
                        + "sign_in_id, expires_at) VALUES (?, ?, ?, CAST(? AS bigint), CAST(? AS text), "
                        + "now() + make_interval(secs => ?))")
                .setParameter(1, Secrets.digest(secret)).setParameter(2, purpose.name()).setParameter(3, accountId)
                .setParameter(4, tenantId).setParameter(5, signInId).setParameter(6, (double) validFor.toSeconds())
                .executeUpdate();
        return secret;
    }

    /**
     * A new link's secret for an address: {@code email} (already checked, lower case) is where it is
     * sent; {@code accountId} and {@code tenantId} may be null.
     */
    public String issueFor(Purpose purpose, String email, Long accountId, Long tenantId, Duration validFor) {
        String secret = Secrets.random();
        em.createNativeQuery("INSERT INTO public.single_use_token (token_hash, purpose, account_id, tenant_id, email, "
                        + "expires_at) VALUES (?, ?, CAST(? AS bigint), CAST(? AS bigint), ?, "
                        + "now() + make_interval(secs => ?))")
                .setParameter(1, Secrets.digest(secret)).setParameter(2, purpose.name()).setParameter(3, accountId)
                .setParameter(4, tenantId).setParameter(5, email).setParameter(6, (double) validFor.toSeconds())
                .executeUpdate();
        return secret;
    }

    /** Makes every unused link of this purpose sent to this address for this tenant useless. */
    public void withdrawFor(Purpose purpose, String email, long tenantId) {
        em.createNativeQuery("DELETE FROM public.single_use_token WHERE purpose = ? AND email = ? AND tenant_id = ? "
                        + "AND used_at IS NULL")
                .setParameter(1, purpose.name()).setParameter(2, email).setParameter(3, tenantId).executeUpdate();
    }

    /** Makes every unused link of this purpose for this tenant useless, whoever it was for (a newer offer replaces it). */
    public void withdrawAllOf(Purpose purpose, long tenantId) {
        em.createNativeQuery("DELETE FROM public.single_use_token WHERE purpose = ? AND tenant_id = ? AND used_at IS NULL")
                .setParameter(1, purpose.name()).setParameter(2, tenantId).executeUpdate();
    }

    /** Whether a usable (unused, unexpired) link of this purpose waits for this account on this tenant. */
    public boolean isPending(Purpose purpose, long accountId, long tenantId) {
        return !em.createNativeQuery("SELECT 1 FROM public.single_use_token WHERE purpose = ? AND account_id = ? "
                        + "AND tenant_id = ? AND used_at IS NULL AND expires_at > now()")
                .setParameter(1, purpose.name()).setParameter(2, accountId).setParameter(3, tenantId)
                .getResultList().isEmpty();
    }

    /**
     * Uses the pending link of this purpose for this account and tenant, without its secret: for
     * offers shown to the signed-in account they were made to. False when none is usable.
     */
    public boolean claim(Purpose purpose, long accountId, long tenantId) {
        return em.createNativeQuery("UPDATE public.single_use_token SET used_at = now() WHERE purpose = ? "
                        + "AND account_id = ? AND tenant_id = ? AND used_at IS NULL AND expires_at > now()")
                .setParameter(1, purpose.name()).setParameter(2, accountId).setParameter(3, tenantId)
                .executeUpdate() > 0;
    }

    /** Makes every unused link of this purpose, account and tenant useless, as a newer one replaces them. */
    public void withdraw(Purpose purpose, long accountId, long tenantId) {
        em.createNativeQuery("DELETE FROM public.single_use_token WHERE purpose = ? AND account_id = ? AND tenant_id = ? "
                        + "AND used_at IS NULL")
                .setParameter(1, purpose.name()).setParameter(2, accountId).setParameter(3, tenantId).executeUpdate();
    }

    /** Makes every unused link of this purpose and account useless: a newer one was issued or used. */
    public void withdrawAll(Purpose purpose, long accountId) {
        em.createNativeQuery("DELETE FROM public.single_use_token WHERE purpose = ? AND account_id = ? AND used_at IS NULL")
                .setParameter(1, purpose.name()).setParameter(2, accountId).executeUpdate();
    }

    /**
     * Makes every unused link of the account useless, whatever its purpose: once a password is set,
     * no earlier link may set another, and hand-offs of the old sign-ins are void.
     */
    public void withdrawAll(long accountId) {
        em.createNativeQuery("DELETE FROM public.single_use_token WHERE account_id = ? AND used_at IS NULL")
                .setParameter(1, accountId).executeUpdate();
    }

    /**
     * What a used hand-off code carries: the account, the sign-in on the public host it continues,
     * and the path on the tenant's host it leads back to.
     */
    public record HandOff(long accountId, String signInId, String returnPath) {
    }

    /**
     * A new hand-off code's secret for a session on this tenant's host, usable only with
     * {@code state} (the tenant host's cookie in the browser that asked) and leading back to
     * {@code returnPath} (a path on that host, checked by the caller).
     */
    public String issueHandOff(long accountId, long tenantId, String signInId, String state, String returnPath,
            Duration validFor) {
        String secret = Secrets.random();
        em.createNativeQuery("INSERT INTO public.single_use_token (token_hash, purpose, account_id, tenant_id, "
                        + "sign_in_id, state_hash, return_path, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                        + "now() + make_interval(secs => ?))")
                .setParameter(1, Secrets.digest(secret)).setParameter(2, Purpose.HANDOFF.name())
                .setParameter(3, accountId).setParameter(4, tenantId).setParameter(5, signInId)
                .setParameter(6, Secrets.digest(state)).setParameter(7, returnPath)
                .setParameter(8, (double) validFor.toSeconds()).executeUpdate();
        return secret;
    }

    /**
     * Uses a hand-off code on this tenant's host with the state this browser holds; a code made
     * for another browser, another tenant, or one used or expired is refused (and one meant for
     * another browser or tenant stays unused, so it cannot be spent by whoever it was sent to).
     */
    public HandOff redeemHandOff(String secret, long tenantId, String state) {
        byte[] digest = Secrets.digest(secret == null ? "" : secret);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE public.single_use_token SET used_at = now() "
                        + "WHERE token_hash = ? AND purpose = ? AND tenant_id = ? AND state_hash = ? "
                        + "AND used_at IS NULL AND expires_at > now() RETURNING account_id, sign_in_id, return_path")
                .setParameter(1, digest).setParameter(2, Purpose.HANDOFF.name()).setParameter(3, tenantId)
                .setParameter(4, Secrets.digest(state == null ? "" : state)).getResultList();
        if (rows.isEmpty()) {
            throw new LinkRefusedException(whyHandOffRefused(digest, tenantId), Reason.of("link.askAgain"));
        }
        Object[] row = rows.get(0);
        return new HandOff(((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
    }

    /**
     * Makes a hand-off code useless, whoever holds it: it reached a browser that did not ask for it,
     * so it may have been seen by someone it was not made for.
     */
    public void voidHandOff(String secret) {
        em.createNativeQuery("UPDATE public.single_use_token SET used_at = now() WHERE token_hash = ? AND purpose = ? "
                        + "AND used_at IS NULL")
                .setParameter(1, Secrets.digest(secret == null ? "" : secret)).setParameter(2, Purpose.HANDOFF.name())
                .executeUpdate();
    }

    private String whyHandOffRefused(byte[] digest, long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT tenant_id = ?, used_at IS NOT NULL, expires_at <= now() "
                        + "FROM public.single_use_token WHERE token_hash = ? AND purpose = ? AND state_hash IS NOT NULL")
                .setParameter(1, tenantId).setParameter(2, digest).setParameter(3, Purpose.HANDOFF.name())
                .getResultList();
        if (rows.isEmpty()) {
            return "link.invalid";
        }
        Object[] row = rows.get(0);
        return !(Boolean) row[0] ? "link.otherTenant" : (Boolean) row[1] ? "link.used"
                : (Boolean) row[2] ? "link.expired" : "link.otherBrowser";
    }

    /** Uses the link, or says why it cannot be used: unknown, already used, or expired. */
    public Redeemed redeem(Purpose purpose, String secret) {
        byte[] digest = Secrets.digest(secret == null ? "" : secret);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE public.single_use_token SET used_at = now() "
                        + "WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now() "
                        + "RETURNING account_id, tenant_id, sign_in_id, email")
                .setParameter(1, digest).setParameter(2, purpose.name()).getResultList();
        return carried(purpose, digest, rows);
    }

    /** What a usable link carries, leaving it unused (a page shows it before the person acts), or why it cannot be used. */
    public Redeemed peek(Purpose purpose, String secret) {
        byte[] digest = Secrets.digest(secret == null ? "" : secret);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT account_id, tenant_id, sign_in_id, email "
                        + "FROM public.single_use_token WHERE token_hash = ? AND purpose = ? AND used_at IS NULL "
                        + "AND expires_at > now()")
                .setParameter(1, digest).setParameter(2, purpose.name()).getResultList();
        return carried(purpose, digest, rows);
    }

    private Redeemed carried(Purpose purpose, byte[] digest, List<Object[]> rows) {
        if (rows.isEmpty()) {
            throw new LinkRefusedException(whyRefused(purpose, digest), Reason.of(purpose == Purpose.INVITATION
                    ? "link.askInviter" : purpose == Purpose.REGISTRATION ? "link.registerAgain" : "link.askAgain"));
        }
        Object[] row = rows.get(0);
        return new Redeemed(Optional.ofNullable((Number) row[0]).map(Number::longValue),
                Optional.ofNullable((Number) row[1]).map(Number::longValue), Optional.ofNullable((String) row[2]),
                Optional.ofNullable((String) row[3]));
    }

    /** The key of the reason: never seen, used, or expired. */
    private String whyRefused(Purpose purpose, byte[] digest) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT used_at IS NOT NULL, expires_at <= now() "
                        + "FROM public.single_use_token WHERE token_hash = ? AND purpose = ?")
                .setParameter(1, digest).setParameter(2, purpose.name()).getResultList();
        if (rows.isEmpty()) {
            return "link.invalid";
        }
        return (Boolean) rows.get(0)[0] ? "link.used" : "link.expired";
    }
}
