package io.tenantry.access;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.accounts.Account;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.NotPermittedException;
import io.tenantry.mail.MailTemplates;
import io.tenantry.mail.Mailer;
import io.tenantry.provisioning.ProvisioningPath;
import io.tenantry.provisioning.TenantProvisioning;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Creating a tenant as a signed-in person: who may (TENANT_CREATION: {@code anyone} signed in, the
 * default, or only {@code permitted} accounts; the super-user always), the creator as owner, and
 * the e-mails that follow to the owner, the tenant's extra addresses and the platform's operators.
 */
@ApplicationScoped
public class TenantCreation {

    @Inject
    TenantProvisioning provisioning;

    @Inject
    CurrentCaller caller;

    @Inject
    Accounts accounts;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    @ConfigProperty(name = "tenant.creation", defaultValue = "anyone")
    String creation;

    /** Whether the caller may create a tenant: account-wide (never with a tenant host's session), and as TENANT_CREATION says. */
    public boolean mayCreate() {
        Optional<Caller> signedIn = caller.signedIn().filter(c -> c.credential().reachesAccount());
        if (signedIn.isEmpty()) {
            return false;
        }
        return signedIn.get().superUser() || "anyone".equals(creation)
                || accounts.findActive(signedIn.get().accountId()).map(Account::mayCreateTenants).orElse(false);
    }

    public Tenant create(String label, String name, String organization, boolean publiclyReadable, String tenantUrl) {
        Caller creator = caller.requireAccountWide();
        if (!mayCreate()) {
            throw new NotPermittedException("tenant.creationNotPermitted");
        }
        Tenant tenant = provisioning.create(label, name, new Tenant.Terms(Optional.of(creator.accountId()),
                organization, publiclyReadable, Optional.empty()), ProvisioningPath.CLONE);
        announce(tenant, tenantUrl);
        return tenant;
    }

    /** Tells the owner, the tenant's extra addresses and the operators that the tenant exists. */
    public void announce(Tenant tenant, String tenantUrl) {
        Set<String> recipients = new LinkedHashSet<>();
        tenant.terms().ownerId().flatMap(accounts::findActive).map(Account::email).ifPresent(recipients::add);
        recipients.addAll(tenant.terms().extraEmails());
        recipients.addAll(accounts.superUserEmails());
        String owner = tenant.terms().ownerId().flatMap(accounts::findActive).map(Account::username).orElse("-");
        for (String recipient : recipients) {
            mailer.send(templates.render(recipient, "tenantCreated", tenant.name(), tenant.label().value(), owner,
                    tenantUrl));
        }
    }
}
