package io.tenantry.accounts;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** The user name or e-mail address belongs to another account. */
public class AccountConflictException extends RefusedException {

    public AccountConflictException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.CONFLICT;
    }
}
