package io.tenantry.access;

/** A user given where only users authorized on the current tenant are accepted. */
public class NotAMemberException extends IllegalArgumentException {

    public NotAMemberException(String username, String tenantName) {
        super("'" + username + "' is not an authorized user of " + tenantName + ".");
    }
}
