package io.tenantry.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Refuses a call whose caller lacks the permission named by {@link Requires}. */
@Requires(Permission.PRODUCT_VIEW)
@Interceptor
// Before @Transactional (PLATFORM_BEFORE + 200): a refused call never opens a transaction.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RequiresInterceptor {

    @Inject
    TenantAccess access;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        Requires requires = invocation.getMethod().getAnnotation(Requires.class);
        if (requires == null) {
            requires = invocation.getMethod().getDeclaringClass().getAnnotation(Requires.class);
        }
        access.require(requires.value());
        return invocation.proceed();
    }
}
