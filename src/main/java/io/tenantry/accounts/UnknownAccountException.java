package io.tenantry.accounts;

/** No active account has this user name. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String username) {
        super("There is no active account '" + username + "'.");
    }
}
