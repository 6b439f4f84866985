package io.tenantry.access;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.Reason;

/** A user given where only users authorized on the current tenant are accepted; names the field. */
public class NotAMemberException extends BrokenRuleException {

    public NotAMemberException(String field, String username, String tenantName) {
        super(field, Reason.of("notAMember", username, tenantName));
    }
}
