package io.tenantry.admin;

/** A platform-wide model asked for from a tenant that is not the master: it does not exist there. */
public class NotOnMasterTenantException extends RuntimeException {

    public NotOnMasterTenantException() {
        super("There is nothing here by that name.");
    }
}
