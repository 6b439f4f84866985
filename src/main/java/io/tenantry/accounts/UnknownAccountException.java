package io.tenantry.accounts;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** No active account has this user name. */
public class UnknownAccountException extends RefusedException {

    public UnknownAccountException(String username) {
        super("unknownAccount", username);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.NOT_FOUND;
    }
}
