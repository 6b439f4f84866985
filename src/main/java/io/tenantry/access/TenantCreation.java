package io.tenantry.access;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.accounts.Account;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.NotPermittedException;
import io.tenantry.accounts.UnknownAccountException;
import io.tenantry.mail.MailTemplates;
import io.tenantry.mail.Mailer;
import io.tenantry.provisioning.ProvisioningPath;
import io.tenantry.provisioning.TenantProvisioning;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;

/**
 * Creating a tenant, the one way a person does it, from the new-tenant page and from
 * {@code POST /api/tenants} alike: who may (TENANT_CREATION: {@code anyone} signed in, the default,
 * or only {@code permitted} accounts; the super-user always), the label read once, the creator as
 * owner unless a super-user names another, a trial of TENANTS_TRIAL_DAYS ({@link TrialPeriod}) unless a
 * super-user gives a paid-until, the default plan (TENANTS_DEFAULT_PLAN, {@link SubscriptionPlans}),
 * the per-owner quota (TENANTS_PER_OWNER, {@link OwnedTenants}) for everyone but a super-user, and,
 * once the creation has committed, the e-mails to the owner, the tenant's extra addresses and the
 * platform's operators.
 *
 * <p>The terms ({@link TenantTerms}) are written, and the owner admitted, inside the creation's own
 * transaction ({@link TenantTermsStore#create}, provisioning's {@code alongside}): a tenant never
 * exists without them. The mail is sent here, after {@link TenantProvisioning} returns: a mail sent
 * from inside the transaction could announce a creation then rolled back; the tenant's address is
 * the request's. This method runs outside any transaction ({@code NEVER}), so the creation's own
 * transaction has committed when it returns.
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
    TenantUrls urls;

    @Inject
    HttpServletRequest request;

    @Inject
    TrialPeriod trial;

    @Inject
    TenantTermsStore termsStore;

    @Inject
    TenantTermsDirectory termsDirectory;

    @Inject
    SubscriptionPlans plans;

    @Inject
    OwnedTenants ownedTenants;

    @Inject
    @ConfigProperty(name = "tenant.creation", defaultValue = "anyone")
    String creation;

    /**
     * What is asked for. {@code owner} (a user name; empty: the creator), {@code paidUntil} and a
     * {@code path} other than {@link ProvisioningPath#CLONE} are a super-user's to give.
     */
    public record Request(String label, String name, String organization, boolean publiclyReadable,
            Optional<String> owner, Optional<Instant> paidUntil, ProvisioningPath path) {

        public Request {
            owner = owner == null ? Optional.empty() : owner;
            paidUntil = paidUntil == null ? Optional.empty() : paidUntil;
            path = path == null ? ProvisioningPath.CLONE : path;
        }

        /** What a person asks for on the new-tenant page: they own it, cloned from the template. */
        public Request(String label, String name, String organization, boolean publiclyReadable) {
            this(label, name, organization, publiclyReadable, Optional.empty(), Optional.empty(),
                    ProvisioningPath.CLONE);
        }

        boolean needsSuperUser() {
            return owner.isPresent() || paidUntil.isPresent() || path != ProvisioningPath.CLONE;
        }
    }

    /** Whether the caller may create a tenant: account-wide (never with a tenant host's session), and as TENANT_CREATION says. */
    public boolean mayCreate() {
        Optional<Caller> signedIn = caller.signedIn().filter(c -> c.credential().reachesAccount());
        if (signedIn.isEmpty()) {
            return false;
        }
        return signedIn.get().superUser() || "anyone".equals(creation)
                || accounts.findActive(signedIn.get().accountId()).map(Account::mayCreateTenants).orElse(false);
    }

    /**
     * Creates the tenant asked for and mails that it exists; returns it once committed. Refuses a
     * caller without an account-wide credential or not allowed to create tenants, or giving what only
     * a super-user may ({@link NotPermittedException}, 403); a label against the rules
     * ({@link io.tenantry.tenancy.InvalidTenantLabelException}, 400); an unknown owner
     * ({@link UnknownAccountException}); a name or organization against the rules (400); a label taken
     * ({@link TenantConflictException}, 409); a creator who owns as many tenants as TENANTS_PER_OWNER
     * allows, unless a super-user ({@link PlanLimitException}, 409, checked again inside the creation's
     * transaction); a missing default plan (409 naming TENANTS_DEFAULT_PLAN).
     */
    @Transactional(Transactional.TxType.NEVER)
    public Tenant create(Request asked) {
        Caller creator = caller.requireAccountWide();
        if (!mayCreate()) {
            throw new NotPermittedException("tenant.creationNotPermitted");
        }
        if (asked.needsSuperUser() && !creator.superUser()) {
            throw new NotPermittedException("superUserOnly");
        }
        TenantLabel label = TenantLabel.forNewTenant(asked.label());
        long owner = asked.owner().map(this::activeAccountId).orElse(creator.accountId());
        if (!creator.superUser()) {
            ownedTenants.requireRoomFor(owner, "plan.ownerQuotaReached");
        }
        TenantTerms asTold = new TenantTerms(Optional.of(owner), asked.organization(), asked.publiclyReadable(),
                asked.paidUntil(), plans.defaultPlanId());
        TenantTerms terms = asked.paidUntil().isEmpty()
                ? trial.endFrom(Instant.now()).map(asTold::withTrialUntil).orElse(asTold) : asTold;
        TenantTermsStore.requireOrganization(terms);
        Tenant tenant = provisioning.create(label, asked.name(), asked.path(), created -> {
            if (!creator.superUser()) {
                // Again under the owner's lock, in the creation's transaction: two creations at once count as two.
                ownedTenants.requireRoomFor(owner, "plan.ownerQuotaReached");
            }
            termsStore.create(created, terms);
        });
        termsDirectory.remember(tenant, terms);
        announce(tenant, terms, urls.rootOf(label, request));
        return tenant;
    }

    /**
     * Creates the public tenant at first boot, owned by the operator ({@code operatorId}), its terms
     * written in the same transaction; nothing when it exists (on any instance). Announces nothing.
     */
    @Transactional(Transactional.TxType.NEVER)
    public void ensurePublicTenant(long operatorId) {
        provisioning.ensurePublicTenant(created -> termsStore.create(created,
                new TenantTerms(Optional.of(operatorId), "", false, Optional.empty(), plans.defaultPlanId())));
    }

    private long activeAccountId(String username) {
        return accounts.findActive(username).orElseThrow(() -> new UnknownAccountException(username)).id();
    }

    /** Tells the owner, the tenant's extra addresses and the operators that the tenant exists. */
    private void announce(Tenant tenant, TenantTerms terms, String tenantUrl) {
        Set<String> recipients = new LinkedHashSet<>();
        terms.ownerId().flatMap(accounts::findActive).map(Account::email).ifPresent(recipients::add);
        recipients.addAll(terms.extraEmails());
        recipients.addAll(accounts.superUserEmails());
        String owner = terms.ownerId().flatMap(accounts::findActive).map(Account::username).orElse("-");
        for (String recipient : recipients) {
            mailer.send(templates.render(recipient, "tenantCreated", tenant.name(), tenant.label().value(), owner,
                    tenantUrl));
        }
    }
}
