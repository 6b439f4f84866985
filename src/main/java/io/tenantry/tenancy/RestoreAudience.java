package io.tenantry.tenancy;

/**
 * Who may learn that a tenant is being restored: those who could read it at rest (its members, a
 * super-user, and anyone when it is publicly readable), and the server's own work outside requests.
 * Everyone else must hear what a private tenant at rest tells them, or the 503 of a restore tells a
 * stranger that the private tenant exists and is being restored just now. Decided by the floor that
 * knows callers and memberships ({@code access.RestoreNewsReaders}); asked by {@link TenantFilter} and
 * {@link TenantDataInterceptor} with the tenant entered in {@link TenantContext}: whether a caller may
 * learn only while a restore is under way (or has replaced what the request read); the refusal also
 * at rest, before a REST resource's method.
 */
public interface RestoreAudience {

    /** Whether the caller of the current request may be told that {@code tenant} is being restored. */
    boolean mayLearnOfRestore(Tenant tenant);

    /**
     * Refuses the caller as the current tenant at rest refuses him: 401 when not signed in, 403 when not
     * a member (the access floor's exceptions); returns when the tenant at rest would let him in.
     */
    void refuseAsAtRest();
}
