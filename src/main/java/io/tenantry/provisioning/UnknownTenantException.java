package io.tenantry.provisioning;

import io.tenantry.tenancy.TenantLabel;

/** No tenant has this label. */
public class UnknownTenantException extends RuntimeException {

    public UnknownTenantException(String label) {
        super("There is no tenant with the label '" + label + "'.");
    }

    public UnknownTenantException(TenantLabel label) {
        this(label.value());
    }
}
