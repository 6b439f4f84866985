package io.tenantry.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Binds the request's tenant to the transaction that {@code @Transactional} has just begun. */
@TenantData
@Interceptor
// After the @Transactional interceptor (PLATFORM_BEFORE + 200), so the transaction exists.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
public class TenantDataInterceptor {

    @Inject
    TenantContext context;

    @AroundInvoke
    public Object bindTenant(InvocationContext invocation) throws Exception {
        TransactionTenant.bind(context.tenant().schema());
        return invocation.proceed();
    }
}
