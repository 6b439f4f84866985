package io.tenantry.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What a new password withdraws, so that nothing given under the old one outlives it: every
 * sign-in of the account on every host, and its API tokens when the person chooses so (a program's
 * token may be wanted after a routine change; after a leak it must go). Its links are withdrawn by
 * {@link Accounts#setPassword}. Runs in the transaction that sets the password.
 */
@ApplicationScoped
@Transactional
public class OldCredentials {

    @Inject
    SignIns signIns;

    @Inject
    ApiTokens tokens;

    public void withdraw(long accountId, boolean revokeTokens) {
        signIns.endAll(accountId);
        if (revokeTokens) {
            tokens.revokeAll(accountId);
        }
    }
}
