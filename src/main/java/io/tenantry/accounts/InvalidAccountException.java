package io.tenantry.accounts;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.Reason;

/** Input about an account that breaks a rule, naming the field at fault. */
public class InvalidAccountException extends BrokenRuleException {

    public InvalidAccountException(String field, String key, Object... arguments) {
        super(field, Reason.of(key, arguments));
    }
}
