package io.tenantry.tenancy;

/** A label that breaks a rule of {@link TenantLabel}; the message names the label and the rule. */
public class InvalidTenantLabelException extends IllegalArgumentException {

    public InvalidTenantLabelException(String label, String problem) {
        super("Tenant label '" + label + "' " + problem + ".");
    }
}
