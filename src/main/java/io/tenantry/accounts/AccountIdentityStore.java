package io.tenantry.accounts;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Checks user names and passwords against the accounts table for Jakarta Security. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(account -> new CredentialValidationResult(account.username(),
                        account.isSuperUser() ? Set.of("superuser") : Set.of()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
