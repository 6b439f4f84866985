package io.tenantry.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tenantry.platform.NoSuchItemException;
import io.tenantry.tenancy.Audited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Personal API tokens: created and revoked by their owner, shown once, stored as a digest. A token
 * proves who the caller is; what it may do in a tenant is decided like for any other caller. Owners
 * manage theirs through {@link MyAccount}, which decides who may.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

    // A token is a credential: its making and revoking are in the platform's trail, in their transaction.
    @Inject
    Event<Audited> audited;

    /** Makes tokens recognisable to secret scanners and to people. */
    static final String PREFIX = "tnt_";
    private static final int MAX_NAME_LENGTH = 100;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /**
     * A token as its owner sees it: {@code id} is its number among the account's tokens (1, 2, …),
     * never the row's platform-wide id, whose gaps would tell how many tokens every other account made.
     */
    public record Token(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
    }

    /** A new token and its secret, which is not kept and cannot be shown again. */
    public record Issued(Token token, String secret) {
    }

    Issued create(long accountId, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidAccountException("name", "token.name", MAX_NAME_LENGTH);
        }
        String secret = PREFIX + Secrets.random();
        long number = ((Number) em.createNativeQuery("INSERT INTO public.api_token_counter AS c (account_id, last) "
                + "VALUES (?, 1) ON CONFLICT (account_id) DO UPDATE SET last = c.last + 1 RETURNING last")
                .setParameter(1, accountId).getSingleResult()).longValue();
        Object[] row = (Object[]) em.createNativeQuery("INSERT INTO public.api_token (account_id, number, name, "
                        + "token_hash) VALUES (?, ?, ?, ?) RETURNING number, name, created_at, last_used_at")
                .setParameter(1, accountId).setParameter(2, number).setParameter(3, trimmed)
                .setParameter(4, Secrets.digest(secret)).getSingleResult();
        Issued issued = new Issued(tokenOf(row), secret);
        audited.fire(Audited.onPlatform("token.created", trimmed).after(Map.of("token", issued.token().id())));
        return issued;
    }

    List<Token> of(long accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT number, name, created_at, last_used_at FROM public.api_token "
                + "WHERE account_id = ? ORDER BY created_at DESC, number DESC").setParameter(1, accountId).getResultList();
        return rows.stream().map(ApiTokens::tokenOf).toList();
    }

    void revoke(long accountId, long number) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("DELETE FROM public.api_token WHERE number = ? AND account_id = ? "
                + "RETURNING name").setParameter(1, number).setParameter(2, accountId).getResultList();
        if (names.isEmpty()) {
            throw new NoSuchItemException("token", number);
        }
        audited.fire(Audited.onPlatform("token.revoked", names.get(0)).before(Map.of("token", number)));
    }

    /** Revokes every token of the account, as after a password reset that asked for it. */
    public void revokeAll(long accountId) {
        em.createNativeQuery("DELETE FROM public.api_token WHERE account_id = ?").setParameter(1, accountId)
                .executeUpdate();
    }

    /**
     * The caller a token belongs to, when it exists and its account is active. Its use is recorded
     * at most once a minute: a write on every request would cost a commit to disk each time.
     * Nothing is remembered between requests, so a token revoked or an account deactivated, on any
     * instance, is refused by the very next request once that change has committed. In a transaction
     * of its own, not in auto-commit outside one: on Payara, a page request whose lookup ran outside a
     * transaction later met "Cannot commit when autoCommit is enabled" in its own transaction (issue 18).
     */
    public Optional<Caller> callerOf(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.username, a.super_user, t.id, "
                        + "t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' "
                        + "FROM public.api_token t JOIN public.account a ON a.id = t.account_id "
                        + "WHERE t.token_hash = ? AND a.active")
                .setParameter(1, Secrets.digest(secret)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if ((Boolean) row[4]) {
            em.createNativeQuery("UPDATE public.api_token SET last_used_at = now() WHERE id = ?")
                    .setParameter(1, row[3]).executeUpdate();
        }
        return Optional.of(Caller.of(row, Credential.API_TOKEN));
    }

    private static Token tokenOf(Object[] row) {
        return new Token(((Number) row[0]).longValue(), (String) row[1], timeOf(row[2]), timeOf(row[3]));
    }

    private static OffsetDateTime timeOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
