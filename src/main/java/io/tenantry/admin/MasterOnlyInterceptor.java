package io.tenantry.admin;

import io.tenantry.tenancy.MasterTenant;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Refuses calls to master-only services from any tenant but the master, before any other check. */
@MasterOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class MasterOnlyInterceptor {

    @Inject
    MasterTenant master;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        master.requireCurrent();
        return invocation.proceed();
    }
}
