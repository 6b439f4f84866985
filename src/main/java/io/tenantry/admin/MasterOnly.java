package io.tenantry.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a platform-wide model, or the service that manages it: it is visible and changeable only
 * while the request is served by the master tenant (decided by the tenant's label, never its
 * name). On an entity, {@link MasterOnlyGuard} refuses to load or write it elsewhere; on a service,
 * {@link MasterOnlyInterceptor} refuses the call before it starts.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MasterOnly {
}
