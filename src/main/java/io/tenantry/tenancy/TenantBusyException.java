package io.tenantry.tenancy;

import java.time.Duration;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** The tenant's transactions did not end within the time a restore waits for them: nothing was restored, 409. */
public class TenantBusyException extends RefusedException {

    public TenantBusyException(Tenant tenant, Duration waited) {
        super("restore.busy", tenant.name(), waited.toSeconds());
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.CONFLICT;
    }
}
