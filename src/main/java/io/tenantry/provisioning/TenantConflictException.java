package io.tenantry.provisioning;

import io.tenantry.tenancy.TenantLabel;

/** The label is taken, by an existing tenant or by one being created at the same moment. */
public class TenantConflictException extends RuntimeException {

    public TenantConflictException(TenantLabel label) {
        super("A tenant with the label '" + label + "' already exists.");
    }
}
