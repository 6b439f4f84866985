package io.tenantry.accounts;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** The action needs a signed-in caller and there is none. */
public class NotSignedInException extends RefusedException {

    public NotSignedInException() {
        super("notSignedIn");
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.NOT_SIGNED_IN;
    }
}
