package io.tenantry.tenancy;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.Reason;

/** A label that breaks a rule of {@link TenantLabel}; the words name the label and the rule. */
public class InvalidTenantLabelException extends BrokenRuleException {

    public InvalidTenantLabelException(String label, Reason problem) {
        super("label", Reason.of("invalidLabel", label, problem));
    }
}
