package io.tenantry.platform;

/**
 * The Jakarta Security roles Tenantry gives a caller, named here, on the platform floor, so that a
 * service on any floor can check one through {@code SecurityContext.isCallerInRole} without knowing
 * who establishes it ({@code accounts.TenantryAuthentication}).
 */
public final class Roles {

    /** A caller acting with super-user powers: an account-wide credential of a super-user. */
    public static final String SUPER_USER = "superuser";

    private Roles() {
    }
}
