package io.tenantry.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.NotPermittedException;
import io.tenantry.accounts.NotSignedInException;
import io.tenantry.platform.Reason;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The one place that decides whether the caller may enter the current tenant and what they may
 * do there. Pages, the access gate and every service ask it; it asks the database once per request.
 */
@RequestScoped
public class TenantAccess {

    private static final Duration WARNING_BEFORE_EXPIRY = Duration.ofHours(24);

    @Inject
    TenantContext context;

    @Inject
    CurrentCaller caller;

    @Inject
    Memberships memberships;

    @Inject
    @ConfigProperty(name = "tenants.block-unpaid", defaultValue = "false")
    boolean blockUnpaid;

    @Inject
    @ConfigProperty(name = "operators.read-access", defaultValue = "false")
    boolean operatorsMayRead;

    private Access decided;

    public Access current() {
        if (decided == null) {
            decided = decide(context.tenant(), caller.signedIn());
        }
        return decided;
    }

    private Access decide(Tenant tenant, Optional<Caller> signedIn) {
        boolean superUser = signedIn.map(Caller::superUser).orElse(false);
        if (blockUnpaid && tenant.isUnpaidAt(Instant.now()) && !superUser) {
            return Access.of(Access.Entry.SUBSCRIPTION_EXPIRED);
        }
        if (signedIn.isPresent()) {
            Optional<Set<Permission>> granted = memberships.permissionsOf(tenant, signedIn.get().accountId());
            if (granted.isPresent()) {
                return new Access(Access.Entry.MEMBER, granted.get());
            }
        }
        if (tenant.terms().publiclyReadable() || superUser && operatorsMayRead) {
            return new Access(Access.Entry.READER, Permission.viewing());
        }
        return Access.of(signedIn.isPresent() ? Access.Entry.FORBIDDEN : Access.Entry.SIGN_IN_REQUIRED);
    }

    public boolean permits(Permission permission) {
        return current().permits(permission);
    }

    public void require(Permission permission) {
        requireEntry();
        if (!current().permissions().contains(permission)) {
            requireSignedIn();
            throw new NotPermittedException(current().entry() == Access.Entry.READER ? "readOnly" : "notPermitted",
                    tenantName(), Reason.of("action." + permission.code()));
        }
    }

    /** Only authorized users, never readers: for what a stranger must not see, such as the member list. */
    public Caller requireMember() {
        requireEntry();
        if (current().entry() != Access.Entry.MEMBER) {
            requireSignedIn();
            throw new NotPermittedException("membersOnly", tenantName());
        }
        return caller.require();
    }

    public void requireEntry() {
        switch (current().entry()) {
            case SIGN_IN_REQUIRED -> throw new NotSignedInException();
            case FORBIDDEN -> throw new NotPermittedException("notAMemberOfTenant", tenantName());
            case SUBSCRIPTION_EXPIRED -> throw new SubscriptionExpiredException(tenantName());
            default -> {
            }
        }
    }

    /** A reader who has not signed in is asked to, rather than told "no": signing in may change the answer. */
    private void requireSignedIn() {
        caller.require();
    }

    /** True for members when blocking is on and the subscription ends within a day. */
    public boolean subscriptionEndsSoon() {
        Tenant tenant = context.tenant();
        Instant now = Instant.now();
        return blockUnpaid && current().entry() == Access.Entry.MEMBER && !tenant.isUnpaidAt(now)
                && tenant.isUnpaidAt(now.plus(WARNING_BEFORE_EXPIRY));
    }

    private String tenantName() {
        return context.tenant().name();
    }
}
