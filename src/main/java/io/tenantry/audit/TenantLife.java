package io.tenantry.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tenantry.accounts.AccountDeactivated;
import io.tenantry.accounts.Accounts;
import io.tenantry.provisioning.TenantCreated;
import io.tenantry.provisioning.TenantTermsChanged;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A tenant's life and an account's end as the audit trail tells them, from the events provisioning
 * and accounts fire in their transactions: created, its name and terms changed (settings,
 * visibility, paid-until, owner: the entry names what changed, with the values before and after),
 * deleted; an account deactivated. Owners are shown by user name.
 */
@ApplicationScoped
public class TenantLife {

    @Inject
    Accounts accounts;

    @Inject
    Event<Audited> audited;

    @Transactional(Transactional.TxType.MANDATORY)
    void created(@Observes TenantCreated created) {
        Tenant tenant = created.tenant();
        audited.fire(Audited.in(tenant, "tenant.created", tenant.label().value()).after(values(tenant, owners(tenant))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void changed(@Observes TenantTermsChanged changed) {
        Map<Long, String> owners = owners(changed.before(), changed.tenant());
        Map<String, Object> before = values(changed.before(), owners);
        Map<String, Object> after = values(changed.tenant(), owners);
        Set<String> differing = before.keySet().stream().filter(name -> !before.get(name).equals(after.get(name)))
                .collect(Collectors.toSet());
        if (differing.isEmpty()) {
            return;
        }
        before.keySet().retainAll(differing);
        after.keySet().retainAll(differing);
        audited.fire(Audited.in(changed.tenant(), action(differing), changed.tenant().label().value())
                .before(before).after(after));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void deleted(@Observes TenantDeleted deleted) {
        Tenant tenant = deleted.tenant();
        audited.fire(Audited.in(tenant, "tenant.deleted", tenant.label().value()).before(values(tenant, owners(tenant))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void deactivated(@Observes AccountDeactivated deactivated) {
        audited.fire(Audited.onPlatform("account.deactivated", deactivated.username())
                .before(Map.of("active", true)).after(Map.of("active", false)));
    }

    /** The most telling of what changed: the owner, then visibility, then paid-until, else the settings. */
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
        return "tenant.settings";
    }

    private static Map<String, Object> values(Tenant tenant, Map<Long, String> owners) {
        Tenant.Terms terms = tenant.terms();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", tenant.name());
        values.put("owner", terms.ownerId().map(id -> owners.getOrDefault(id, "#" + id)));
        values.put("organization", terms.organization());
        values.put("publiclyReadable", terms.publiclyReadable());
        values.put("paidUntil", terms.paidUntil().map(Object::toString));
        values.put("extraEmails", terms.extraEmails());
        values.put("navText", terms.navText());
        return values;
    }

    private Map<Long, String> owners(Tenant... tenants) {
        Set<Long> ids = Stream.of(tenants).map(t -> t.terms().ownerId()).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : accounts.usernames(ids);
    }
}
