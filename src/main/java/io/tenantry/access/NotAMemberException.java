package io.tenantry.access;

import io.tenantry.platform.BrokenRuleException;

/** A user given where only users authorized on the current tenant are accepted. */
public class NotAMemberException extends BrokenRuleException {

    public NotAMemberException(String username, String tenantName) {
        super("notAMember", username, tenantName);
    }
}
