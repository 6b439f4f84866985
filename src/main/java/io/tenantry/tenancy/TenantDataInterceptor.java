package io.tenantry.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Binds the request's tenant to the transaction that {@code @Transactional} has just begun, once
 * the directory confirms that this tenant (this life of its label, by id) is still in service: a
 * request that began before its tenant's deletion (a slow body, say) must not reach a schema that
 * a later tenant of the same label may own by now ({@link TenantGoneException}, 404).
 */
@TenantData
@Interceptor
// After the @Transactional interceptor (PLATFORM_BEFORE + 200), so the transaction exists.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
public class TenantDataInterceptor {

    @Inject
    TenantContext context;

    @Inject
    TenantDirectory directory;

    @AroundInvoke
    public Object bindTenant(InvocationContext invocation) throws Exception {
        Tenant tenant = context.tenant();
        if (directory.find(tenant.label()).filter(now -> now.id() == tenant.id() && !now.beingDeleted()).isEmpty()) {
            throw new TenantGoneException(tenant.label());
        }
        TransactionTenant.bind(tenant.schema());
        return invocation.proceed();
    }
}
