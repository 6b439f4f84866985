package io.tenantry.access;

import java.util.Optional;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.tenancy.RestoreAudience;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * That a tenant is being restored is told to whoever could read it at rest: anyone when it is
 * publicly readable, else super-users and its authorized users (read from the shared tables, as the
 * tenant's own are being replaced), and to the server's own work outside requests (a scheduled
 * point). A stranger to a private tenant gets the usual refusals instead (sign in, not a member),
 * which read none of the tenant's data ({@link TenantAccess}).
 */
@ApplicationScoped
public class RestoreNewsReaders implements RestoreAudience {

    @Inject
    BeanManager beans;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantAccess access;

    @Inject
    ListedMembers listed;

    @Inject
    TenantTermsDirectory tenantTerms;

    @Override
    public boolean mayLearnOfRestore(Tenant tenant) {
        if (!inRequest() || tenantTerms.of(tenant).publiclyReadable()) {
            return true;
        }
        Optional<Caller> signedIn = caller.signedIn();
        return signedIn.isPresent() && (signedIn.get().superUser() || listed.lists(tenant, signedIn.get().accountId()));
    }

    @Override
    public void refuseAsAtRest() {
        access.requireEntry();
    }

    private boolean inRequest() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
