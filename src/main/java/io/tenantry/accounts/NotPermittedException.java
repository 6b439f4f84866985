package io.tenantry.accounts;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** The caller is known but may not do this. */
public class NotPermittedException extends RefusedException {

    public NotPermittedException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.NOT_PERMITTED;
    }
}
