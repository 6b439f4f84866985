package io.tenantry.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tenantry.accounts.AccountDeactivated;
import io.tenantry.accounts.Accounts;
import io.tenantry.access.SubscriptionPlans;
import io.tenantry.access.TenantTerms;
import io.tenantry.access.TenantTermsDirectory;
import io.tenantry.access.TenantTermsSet;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A tenant's life and an account's end as the audit trail tells them, from the events access,
 * tenancy and accounts fire in their transactions: created, its name and terms changed (settings,
 * visibility, paid-until, owner: the entry names what changed, with the values before and after),
 * deleted; an account deactivated. Owners are shown by user name.
 */
@ApplicationScoped
public class TenantLife {

    @Inject
    Accounts accounts;

    @Inject
    Event<Audited> audited;

    @Inject
    TenantTermsDirectory termsDirectory;

    @Inject
    SubscriptionPlans plans;

    @Transactional(Transactional.TxType.MANDATORY)
    void termsSet(@Observes TenantTermsSet set) {
        if (set.isCreation()) {
            Tenant tenant = set.tenant();
            audited.fire(Audited.in(tenant, "tenant.created", tenant.label().value())
                    .after(values(tenant, set.terms(), owners(set.terms()))));
            return;
        }
        Tenant was = set.before().orElseThrow();
        TenantTerms wasTerms = set.beforeTerms().orElseThrow();
        Map<Long, String> owners = owners(wasTerms, set.terms());
        Map<String, Object> before = values(was, wasTerms, owners);
        Map<String, Object> after = values(set.tenant(), set.terms(), owners);
        Set<String> differing = before.keySet().stream().filter(name -> !before.get(name).equals(after.get(name)))
                .collect(Collectors.toSet());
        if (differing.isEmpty()) {
            return;
        }
        before.keySet().retainAll(differing);
        after.keySet().retainAll(differing);
        audited.fire(Audited.in(set.tenant(), action(differing), set.tenant().label().value())
                .before(before).after(after));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void deleted(@Observes TenantDeleted deleted) {
        Tenant tenant = deleted.tenant();
        TenantTerms terms = termsDirectory.of(tenant);
        audited.fire(Audited.in(tenant, "tenant.deleted", tenant.label().value())
                .before(values(tenant, terms, owners(terms))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void deactivated(@Observes AccountDeactivated deactivated) {
        audited.fire(Audited.onPlatform("account.deactivated", deactivated.username())
                .before(Map.of("active", true)).after(Map.of("active", false)));
    }

    /** The most telling of what changed: the owner, then visibility, then paid-until, then the plan, else the settings. */
    static String action(Set<String> differing) {
        if (differing.contains("owner")) {
            return "tenant.owner";
        }
        if (differing.contains("publiclyReadable")) {
            return "tenant.visibility";
        }
        if (differing.contains("paidUntil")) {
            return "tenant.paid-until";
        }
        if (differing.contains("plan")) {
            return "tenant.plan";
        }
        return "tenant.settings";
    }

    private Map<String, Object> values(Tenant tenant, TenantTerms terms, Map<Long, String> owners) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", tenant.name());
        values.put("owner", terms.ownerId().map(id -> owners.getOrDefault(id, "#" + id)));
        values.put("organization", terms.organization());
        values.put("publiclyReadable", terms.publiclyReadable());
        values.put("paidUntil", terms.paidUntil().map(Object::toString));
        // A deleted tenant's terms may be gone (no plan, id 0): its entry then names none.
        values.put("plan", terms.gone() ? "" : plans.of(terms).name());
        values.put("extraEmails", terms.extraEmails());
        values.put("navText", terms.navText());
        return values;
    }

    private Map<Long, String> owners(TenantTerms... terms) {
        Set<Long> ids = Stream.of(terms).map(TenantTerms::ownerId).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : accounts.usernames(ids);
    }
}
