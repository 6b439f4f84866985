package io.tenantry.access;

import java.util.Optional;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.UpgradeFailureAudience;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Why a tenant's upgrade failed is told to super-users (whichever credential: telling changes
 * nothing), to the tenant's owner, and to its members who administer its settings
 * ({@link Permission#SETTINGS_MANAGE}); everyone else learns only that it is being upgraded. The
 * owner and super-users are known without a query; members' rights are read from the tenant's
 * schema, which a failed migration left at its last version (PostgreSQL rolls a failed one back).
 */
@RequestScoped
public class UpgradeFailureReaders implements UpgradeFailureAudience {

    @Inject
    CurrentCaller caller;

    @Inject
    Memberships memberships;

    @Inject
    TenantTermsDirectory tenantTerms;

    @Override
    public boolean mayLearnWhy(Tenant tenant) {
        Optional<Caller> signedIn = caller.signedIn();
        if (signedIn.isEmpty()) {
            return false;
        }
        Caller who = signedIn.get();
        if (who.superUser() || tenantTerms.of(tenant).isOwnedBy(who.accountId())) {
            return true;
        }
        return memberships.permissionsOf(tenant, who.accountId())
                .filter(granted -> granted.contains(Permission.SETTINGS_MANAGE)).isPresent();
    }
}
