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

    public Caller require() {
        return signedIn().orElseThrow(NotSignedInException::new);
    }

    /** Refuses anyone but an active super-user; checked in services, whatever the entry point. */
    public Caller requireSuperUser() {
        Caller caller = require();
        if (!caller.superUser()) {
            throw new NotPermittedException("superUserOnly");
        }
        return caller;
    }
}
