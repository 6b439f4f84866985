package io.tenantry.accounts;

import java.security.Principal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** Who is calling, as established by HTTP Basic against {@link AccountIdentityStore}. */
@BasicAuthenticationMechanismDefinition(realmName = "Tenantry")
@DeclareRoles("superuser")
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    @Inject
    Accounts accounts;

    /** Refuses anyone but an active super-user; checked in services, whatever the entry point. */
    public void requireSuperUser() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new NotSignedInException();
        }
        boolean superUser = accounts.findActive(principal.getName()).map(Account::isSuperUser).orElse(false);
        if (!superUser) {
            throw new NotPermittedException("Only a super-user may manage tenants.");
        }
    }
}
