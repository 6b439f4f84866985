package io.tenantry.accounts;

import java.util.List;
import java.util.Optional;

import io.tenantry.platform.NoSuchItemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The signed-in person's own account: details, password and API tokens, whatever the entry point
 * (profile page, {@code /api/me}). Account-wide, so refused to a tenant host's session; a new
 * token or another e-mail address takes the password again, and a new address takes effect only once
 * confirmed by the link mailed to it.
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

    @Inject
    EmailChanges addressChanges;

    /** The caller's account; 401 without a caller, 403 with a tenant host's session. */
    public Account details() {
        return accounts.findActive(caller.requireAccountWide().accountId()).orElseThrow(NotSignedInException::new);
    }

    /** What saving the details did: the account as it is now, and the new address waiting for confirmation, if any. */
    public record DetailsSaved(Account account, Optional<String> confirming) {
    }

    /**
     * The display name changes at once; another e-mail address (where password resets go) needs
     * {@code password}, checked on that field, and takes effect only when confirmed by the link mailed
     * to it ({@link EmailChanges}; {@code publicRoot}: the public host's address for that link). An
     * address in use is refused ({@link AccountConflictException}) at most
     * {@link EmailChangeThrottle}'s times an hour, then {@link TooManyAttemptsException}: the refusal
     * tells that an address has an account, so it must not be asked in bulk. A refusal changes nothing.
     */
    public DetailsSaved changeDetails(String email, String displayName, String password, String publicRoot) {
        Account account = details();
        String address = AccountRules.email(email);
        boolean another = !address.equals(account.email());
        if (another) {
            confirmation.confirm(caller.require(), password, "password");
            emailChanges.check(Long.toString(account.id()));
            try {
                accounts.requireAddressFree(address, account.id());
            } catch (AccountConflictException inUse) {
                emailChanges.count(Long.toString(account.id()));
                throw inUse;
            }
        }
        Account saved = accounts.changeDisplayName(account.id(), displayName);
        if (another) {
            addressChanges.request(saved, address, publicRoot);
        }
        return new DetailsSaved(saved, another ? Optional.of(address) : Optional.empty());
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

    /** One of the caller's tokens, without its secret; {@link NoSuchItemException} for anyone else's. */
    public ApiTokens.Token token(long tokenId) {
        return tokens().stream().filter(token -> token.id() == tokenId).findFirst()
                .orElseThrow(() -> new NoSuchItemException("token", tokenId));
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
