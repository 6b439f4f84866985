package io.tenantry.access;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/**
 * A limit of the tenant's plan or of the per-owner quota stops this change (a member, invitation,
 * tenant or ownership too many): 409 with words naming the limit and the plan; nothing was changed.
 */
public class PlanLimitException extends RefusedException {

    /** @param key a key of the reasons bundle that names the limit, and the plan where there is one */
    public PlanLimitException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.CONFLICT;
    }
}
