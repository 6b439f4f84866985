package io.tenantry.accounts;

import io.tenantry.platform.RefusedException;

/** No active account has this user name. */
public class UnknownAccountException extends RefusedException {

    public UnknownAccountException(String username) {
        super("unknownAccount", username);
    }
}
