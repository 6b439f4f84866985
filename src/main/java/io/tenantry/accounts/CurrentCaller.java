package io.tenantry.accounts;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Who is calling, as {@link TenantryAuthentication} established it for this request. */
@RequestScoped
public class CurrentCaller {

    static final String ATTRIBUTE = CurrentCaller.class.getName();

    @Inject
    HttpServletRequest request;

    public Optional<Caller> signedIn() {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    /** The caller; {@link NotSignedInException} (401) when there is none. */
    public Caller require() {
        return signedIn().orElseThrow(NotSignedInException::new);
    }

    /**
     * The caller, when its credential reaches the whole account: everyone but a tenant host's
     * session, which acts only within its tenant ({@link NotPermittedException}, 403). The one check
     * before anything account- or platform-wide: tokens, password, e-mail, tenants, accounts.
     */
    public Caller requireAccountWide() {
        Caller caller = require();
        if (!caller.credential().reachesAccount()) {
            throw new NotPermittedException("accountWide.tenantSession");
        }
        return caller;
    }

    /** Refuses anyone but an active super-user acting account-wide; checked in services, whatever the entry point. */
    public Caller requireSuperUser() {
        Caller caller = requireAccountWide();
        if (!caller.superUser()) {
            throw new NotPermittedException("superUserOnly");
        }
        return caller;
    }
}
