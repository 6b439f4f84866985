package io.tenantry.accounts;

import io.tenantry.platform.BrokenRuleException;

/** Input about an account that breaks a rule; names the field so forms and API clients can point at it. */
public class InvalidAccountException extends BrokenRuleException {

    private final String field;

    public InvalidAccountException(String field, String key, Object... arguments) {
        super(key, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
