package io.tenantry.accounts;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The signed-in person's own account: details, password and API tokens, whatever the entry point
 * (profile page, {@code /api/me/tokens}). Account-wide, so refused to a tenant host's session; a new
 * token or another e-mail address takes the password again.
 */
@ApplicationScoped
public class MyAccount {

    @Inject
    CurrentCaller caller;

    @Inject
    Accounts accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    PasswordConfirmation confirmation;

    @Inject
    EmailChangeThrottle emailChanges;

    /** The caller's account; 401 without a caller, 403 with a tenant host's session. */
    public Account details() {
        return accounts.findActive(caller.requireAccountWide().accountId()).orElseThrow(NotSignedInException::new);
    }

    /**
     * The name changes freely; another e-mail address (where password resets go) needs {@code
     * password}, checked on that field. An address in use is refused ({@link AccountConflictException})
     * at most {@link EmailChangeThrottle}'s times an hour, then {@link TooManyAttemptsException}: the
     * refusal tells that an address has an account, so it must not be asked in bulk.
     */
    public Account changeDetails(String email, String displayName, String password) {
        Account account = details();
        if (!Objects.equals(AccountRules.email(email), account.email())) {
            confirmation.confirm(caller.require(), password, "password");
        }
        emailChanges.check(Long.toString(account.id()));
        try {
            return accounts.changeProfile(account.id(), email, displayName);
        } catch (AccountConflictException inUse) {
            emailChanges.count(Long.toString(account.id()));
            throw inUse;
        }
    }

    /**
     * Checks {@code current} itself (400 on the field "currentPassword" when wrong); the new one must
     * follow the rules. Every other sign-in ends; {@code revokeTokens} also revokes the API tokens.
     */
    public void changePassword(String current, String replacement, boolean revokeTokens) {
        accounts.changePassword(caller.requireAccountWide().accountId(), current, replacement, revokeTokens);
    }

    /** The caller's tokens, newest first, without their secrets. */
    public List<ApiTokens.Token> tokens() {
        return tokens.of(caller.requireAccountWide().accountId());
    }

    /**
     * A new token and its secret, shown once: with {@code password} unless the caller sent it
     * already (HTTP Basic); see {@link PasswordConfirmation#confirm} for the refusals.
     */
    public ApiTokens.Issued createToken(String name, String password) {
        Caller me = caller.requireAccountWide();
        confirmation.confirm(me, password, "password");
        return tokens.create(me.accountId(), name);
    }

    /**
     * Revokes one of the caller's tokens (404 for anyone else's). Needs no password: revoking only
     * takes power away, and a leaked token may revoke itself.
     */
    public void revokeToken(long tokenId) {
        tokens.revoke(caller.requireAccountWide().accountId(), tokenId);
    }
}
