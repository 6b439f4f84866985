package io.tenantry.access;

import java.time.Instant;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.accounts.Caller;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may enter a tenant, and as what: the rule {@link TenantAccess} applies on the tenant's own
 * host, and the one {@code /go/<label>} asks on the public host before it hands a session there.
 */
@ApplicationScoped
public class TenantEntry {

    /** How {@code /go/<label>} may send a signed-in person to a tenant's host. */
    public enum Passage {
        /** With a link that opens a session there: a member, or an operator reading (which needs one). */
        WITH_SESSION,
        /** Without a session: anyone may read the tenant, and the person is not a member of it. */
        WITHOUT_SESSION,
        /** Not at all (403): not a member of a tenant only members enter. */
        FORBIDDEN,
        /** Not at all (402): the subscription has run out and unpaid tenants are blocked. */
        SUBSCRIPTION_EXPIRED
    }

    @Inject
    ListedMembers listed;

    @Inject
    TenantTermsDirectory terms;

    @Inject
    @ConfigProperty(name = "tenants.block-unpaid", defaultValue = "false")
    boolean blockUnpaid;

    @Inject
    @ConfigProperty(name = "operators.read-access", defaultValue = "false")
    boolean operatorsMayRead;

    /**
     * How the caller (or, when empty, an anonymous visitor) would enter the tenant; decided from
     * shared tables only, so it can be asked on any host. A closed tenant (its subscription run out,
     * unpaid tenants blocked) says so only to those who would otherwise enter it, its members and,
     * when it is publicly readable, everyone: a stranger at a closed private tenant is refused as at
     * a paid one, so the refusal does not tell strangers which private tenants are unpaid.
     */
    public Access.Entry of(Tenant tenant, Optional<Caller> caller) {
        boolean member = caller.isPresent() && listed.lists(tenant, caller.get().accountId());
        if (closedTo(tenant, caller, member)) {
            return Access.Entry.SUBSCRIPTION_EXPIRED;
        }
        return member ? Access.Entry.MEMBER : withoutMembership(tenant, caller);
    }

    /**
     * How a signed-in person goes to a tenant's host: a session is handed only where it is needed
     * and the person may enter, so that none is opened on a host whose pages are not theirs.
     */
    public Passage passageFor(Tenant tenant, Caller person) {
        Access.Entry entry = of(tenant, Optional.of(person));
        if (entry != Access.Entry.MEMBER && of(tenant, Optional.empty()) == Access.Entry.READER) {
            return Passage.WITHOUT_SESSION;
        }
        return switch (entry) {
            case MEMBER, READER -> Passage.WITH_SESSION;
            case SUBSCRIPTION_EXPIRED -> Passage.SUBSCRIPTION_EXPIRED;
            case FORBIDDEN, SIGN_IN_REQUIRED -> Passage.FORBIDDEN;
        };
    }

    /**
     * Whether the caller is told that the tenant is closed: unpaid tenants are blocked, its
     * subscription has run out, the caller is not the super-user, and is one who would otherwise
     * enter ({@code member}, or anyone when the tenant is publicly readable; see {@link #of}).
     */
    boolean closedTo(Tenant tenant, Optional<Caller> caller, boolean member) {
        TenantTerms tenantTerms = terms.of(tenant);
        return blockUnpaid && Subscription.of(tenant, tenantTerms, Instant.now()) == Subscription.EXPIRED
                && !caller.map(Caller::superUser).orElse(false) && (member || tenantTerms.publiclyReadable());
    }

    /** The entry of someone who is not an authorized user: a reader, or refused. */
    Access.Entry withoutMembership(Tenant tenant, Optional<Caller> caller) {
        boolean superUser = caller.map(Caller::superUser).orElse(false);
        if (terms.of(tenant).publiclyReadable() || superUser && operatorsMayRead) {
            return Access.Entry.READER;
        }
        return caller.isPresent() ? Access.Entry.FORBIDDEN : Access.Entry.SIGN_IN_REQUIRED;
    }

    boolean blocksUnpaid() {
        return blockUnpaid;
    }

    /** Whether the person is one of the tenant's authorized users (whatever its subscription). */
    boolean isMember(Tenant tenant, Caller person) {
        return listed.lists(tenant, person.accountId());
    }
}
