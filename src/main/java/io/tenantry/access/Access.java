package io.tenantry.access;

import java.util.Set;

/** How the current caller may use the current tenant, decided once per request by {@link TenantAccess}. */
public record Access(Entry entry, Set<Permission> permissions) {

    public enum Entry {
        /** An authorized user: listed as a member of the tenant (the public tenant too). */
        MEMBER,
        /** May look, never change: a publicly readable tenant, or an operator with read access. */
        READER,
        /** Anonymous, and the tenant is not publicly readable. */
        SIGN_IN_REQUIRED,
        /** Signed in, but not authorized on this tenant. */
        FORBIDDEN,
        /** The tenant's subscription has run out and unpaid tenants are blocked. */
        SUBSCRIPTION_EXPIRED
    }

    public static Access of(Entry entry) {
        return new Access(entry, Set.of());
    }

    public boolean mayEnter() {
        return entry == Entry.MEMBER || entry == Entry.READER;
    }

    public boolean permits(Permission permission) {
        return mayEnter() && permissions.contains(permission);
    }
}
