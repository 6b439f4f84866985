package io.tenantry.tenancy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * Work done for one tenant outside that tenant's requests (a scheduled restore point, an operator
 * acting from the master host): it runs on a managed thread in a request context of its own whose
 * {@link TenantContext} is that tenant, so the tenant's services bind their transactions to its
 * schema as in a request. The caller waits for it.
 */
@ApplicationScoped
public class TenantJobs {

    @Resource
    ManagedExecutorService executor;

    @Inject
    InTenant inTenant;

    /**
     * Runs {@code work} for the tenant and gives its result; what the work throws unchecked is
     * thrown here as it was.
     */
    public <T> T call(Tenant tenant, Supplier<T> work) {
        Future<T> done = executor.submit(() -> inTenant.call(tenant, work));
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Work for " + tenant.label() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.cancel(true);
            throw new IllegalStateException("Interrupted while working for " + tenant.label(), e);
        }
    }

    /** The request context of one job: activated around the call, which enters the tenant first. */
    @ApplicationScoped
    static class InTenant {

        @Inject
        TenantContext context;

        @ActivateRequestContext
        <T> T call(Tenant tenant, Supplier<T> work) {
            context.enter(tenant);
            return work.get();
        }
    }
}
