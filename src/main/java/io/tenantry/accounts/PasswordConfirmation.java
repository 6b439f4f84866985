package io.tenantry.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The password asked for again before what could give an account away (a new API token, another
 * e-mail address): a session or a token alone is not enough. Checked like a sign-in, and counted by
 * the same throttle, so that it cannot be used to guess the password.
 */
@ApplicationScoped
public class PasswordConfirmation {

    @Inject
    PasswordSignIn passwordSignIn;

    @Inject
    HttpServletRequest request;

    /**
     * Passes when the caller sent the password with this request (HTTP Basic) or gives it now;
     * {@link NotPermittedException} (403) when it is missing, {@link InvalidAccountException} on
     * {@code field} (400) when it is wrong, {@link TooManyAttemptsException} after too many.
     */
    public void confirm(Caller caller, String password, String field) {
        if (caller.credential() == Credential.PASSWORD) {
            return;
        }
        if (password == null || password.isEmpty()) {
            throw new NotPermittedException("password.again");
        }
        boolean matches = passwordSignIn.attempt(caller.username(), password, request)
                .filter(account -> account.id() == caller.accountId()).isPresent();
        if (!matches) {
            throw new InvalidAccountException(field, "password.currentWrong");
        }
    }
}
