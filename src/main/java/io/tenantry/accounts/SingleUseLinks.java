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
 * resets, invitations, registrations. Only a digest is stored; using one marks it used in the same
 * statement, so two concurrent uses cannot both succeed. A link that a newer one replaces is
 * withdrawn, so that only the latest works.
 */
@ApplicationScoped
@Transactional
public class SingleUseLinks {

    public enum Purpose {
        HANDOFF, PASSWORD_RESET, INVITATION, REGISTRATION
    }

    /** What a used link carries: whose it is, for which tenant and from which sign-in, if any. */
    public record Redeemed(long accountId, Optional<Long> tenantId, Optional<String> signInId) {
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

    /** Uses the link, or says why it cannot be used: unknown, already used, or expired. */
    public Redeemed redeem(Purpose purpose, String secret) {
        byte[] digest = Secrets.digest(secret == null ? "" : secret);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE public.single_use_token SET used_at = now() "
                        + "WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now() "
                        + "RETURNING account_id, tenant_id, sign_in_id")
                .setParameter(1, digest).setParameter(2, purpose.name()).getResultList();
        if (rows.isEmpty()) {
            throw new LinkRefusedException(whyRefused(purpose, digest), Reason.of(purpose == Purpose.INVITATION
                    ? "link.askInviter" : purpose == Purpose.REGISTRATION ? "link.registerAgain" : "link.askAgain"));
        }
        Object[] row = rows.get(0);
        return new Redeemed(((Number) row[0]).longValue(),
                Optional.ofNullable((Number) row[1]).map(Number::longValue), Optional.ofNullable((String) row[2]));
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
