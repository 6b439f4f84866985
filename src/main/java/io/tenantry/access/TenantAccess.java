package io.tenantry.access;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.NotPermittedException;
import io.tenantry.accounts.NotSignedInException;
import io.tenantry.platform.Reason;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantRestores;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The one place that decides whether the caller may enter the current tenant and what they may
 * do there. Pages, the access gate and every service ask it; it decides once per request, reading the
 * tenant's groups only when they changed since this instance last read them ({@link KnownPermissions}).
 */
@RequestScoped
public class TenantAccess {

    @Inject
    TenantContext context;

    @Inject
    CurrentCaller caller;

    @Inject
    KnownPermissions known;

    @Inject
    Memberships memberships;

    @Inject
    ListedMembers listed;

    @Inject
    TenantRestores restores;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantEntry entries;

    @Inject
    SubscriptionNotices notices;

    private Access decided;
    private Permission lacking;

    public Access current() {
        if (decided == null) {
            decided = decide(context.tenant(), caller.signedIn());
        }
        return decided;
    }

    /**
     * {@link TenantEntry}'s rule, with the permissions of the groups in this tenant's schema. While the
     * tenant is being restored (or was restored since the request found it), a caller who is not its
     * member is refused without reading its schema, which refuses every reader then (503): a stranger
     * gets the refusal a tenant at rest gives him ({@code tenancy.RestoreAudience}). A tenant whose schema
     * is behind the code was entered with its schema withheld ({@code TenantContext.schemaWithheld}) only
     * for a caller it does not list: he is decided a stranger without another look, one lookup as at rest,
     * even if he joined meanwhile.
     */
    private Access decide(Tenant tenant, Optional<Caller> signedIn) {
        Optional<Set<Permission>> granted = context.schemaWithheld() ? Optional.empty() : signedIn.flatMap(who -> permissionsOf(tenant, who));
        if (entries.closedTo(tenant, signedIn, granted.isPresent())) {
            return Access.of(Access.Entry.SUBSCRIPTION_EXPIRED);
        }
        if (granted.isPresent()) {
            return new Access(Access.Entry.MEMBER, granted.get());
        }
        Access.Entry entry = entries.withoutMembership(tenant, signedIn);
        return entry == Access.Entry.READER ? new Access(entry, Permission.viewing()) : Access.of(entry);
    }

    /**
     * The caller's permissions here, or none when he is not a member; no schema read for a stranger while it
     * is replaced. A member is then read from the schema, not from what was kept, so that he meets the
     * refusal every reader of the schema meets during a restore (503), whatever his request goes on to do.
     */
    private Optional<Set<Permission>> permissionsOf(Tenant tenant, Caller who) {
        if (isBeingReplaced(tenant)) {
            return listed.lists(tenant, who.accountId()) ? memberships.permissionsOf(tenant, who.accountId()) : Optional.empty();
        }
        return known.of(tenant, who.accountId());
    }

    /** As {@code tenancy.TenantDataInterceptor} sees it: restored now, or since the request found the tenant. */
    private boolean isBeingReplaced(Tenant asFound) {
        Tenant now = directory.find(asFound.label()).orElse(asFound);
        return restores.isUnderway(now) || !now.filesFolder().equals(asFound.filesFolder());
    }

    public boolean permits(Permission permission) {
        return current().permits(permission);
    }

    /**
     * Whether the caller holds the permission, as {@link #permits}; when not, it is remembered as
     * what this request was refused for ({@link #lacking()}), for the refusal page to name.
     */
    public boolean holds(Permission permission) {
        boolean held = permits(permission);
        if (!held) {
            lacking = permission;
        }
        return held;
    }

    /** The permission this request was refused for, if a check named one ({@link #holds}, {@link #require}). */
    public Optional<Permission> lacking() {
        return Optional.ofNullable(lacking);
    }

    public void require(Permission permission) {
        requireEntry();
        if (!current().permissions().contains(permission)) {
            lacking = permission;
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
            case SUBSCRIPTION_EXPIRED -> throw new SubscriptionExpiredException(
                    notices.expired(context.tenant(), caller.signedIn()));
            default -> {
            }
        }
    }

    /** A reader who has not signed in is asked to, rather than told "no": signing in may change the answer. */
    private void requireSignedIn() {
        caller.require();
    }

    /**
     * What a member is told on this tenant's pages about its trial or subscription (see
     * {@link SubscriptionNotices#noticeFor}); empty for anyone else, and when there is nothing to say.
     */
    public Optional<Reason> subscriptionNotice() {
        if (current().entry() != Access.Entry.MEMBER) {
            return Optional.empty();
        }
        return notices.noticeFor(context.tenant(), caller.require(), Instant.now());
    }

    /** Why this tenant is closed to the caller, in the words {@link SubscriptionNotices#expired} gives. */
    public Reason expiredReason() {
        return notices.expired(context.tenant(), caller.signedIn());
    }

    private String tenantName() {
        return context.tenant().name();
    }
}
