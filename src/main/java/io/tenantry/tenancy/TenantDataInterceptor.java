package io.tenantry.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;

/**
 * Binds the request's tenant to the transaction that {@code @Transactional} has just begun, once
 * the directory confirms that this tenant (this life of its label, by id) is still in service: a
 * request that began before its tenant's deletion (a slow body, say) must not reach a schema that
 * a later tenant of the same label may own by now ({@link TenantGoneException}, 404); nor a tenant
 * being restored, or restored since the request found it ({@link TenantRestoringException}, 503),
 * unless this is the restore's own work ({@link TenantRestores}); a caller {@link RestoreAudience}
 * does not admit is refused as the tenant at rest refuses him instead, as he is when the tenant's schema
 * is behind the code ({@link TenantContext#schemaWithheld()}; {@link TenantUpgradingException} if the
 * tenant at rest would let him in after all). On a REST resource's method,
 * a caller the tenant would not let in is refused before the method runs, restore or not, so that
 * the order of a resource's own checks tells a stranger nothing. A method
 * declared {@code @Transactional(NOT_SUPPORTED)} is let through unbound: it reaches tenant data only
 * through services that bind it in transactions of their own.
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

    @Inject
    TenantRestores restores;

    @Inject
    RestoreAudience restoreAudience;

    @AroundInvoke
    public Object bindTenant(InvocationContext invocation) throws Exception {
        // A method of a @TenantData class may choose to run outside any transaction (an upload received
        // before its service's transaction begins): each service it calls binds the tenant in its own
        // transaction, and the method itself reaches no tenant data.
        boolean outsideTransactions = runsOutsideTransactions(invocation);
        if (!outsideTransactions) {
            Tenant tenant = context.tenant();
            Tenant now = directory.find(tenant.label()).filter(found -> found.id() == tenant.id() && !found.beingDeleted())
                    .orElseThrow(() -> new TenantGoneException(tenant.label()));
            if (context.schemaWithheld()) {
                // Behind the code, entered for a stranger only to be refused: he is (after 404 for a tenant gone
                // meanwhile, as at rest), before anything reads the schema.
                restoreAudience.refuseAsAtRest();
                throw new TenantUpgradingException(tenant.label());
            }
            if (restores.isRunBy(tenant.label(), Thread.currentThread())) {
                TransactionTenant.bind(tenant.schema());
                TransactionTenant.bindAsRestore();
                return invocation.proceed();
            }
            if (restores.isUnderway(now) || !now.filesFolder().equals(tenant.filesFolder())) {
                // Being restored, or restored since this request found its tenant: what it read is gone. A
                // stranger to a private tenant is refused as at rest instead, learning nothing of the restore.
                if (!restoreAudience.mayLearnOfRestore(now)) {
                    restoreAudience.refuseAsAtRest();
                }
                throw new TenantRestoringException(tenant.label());
            }
        }
        if (isApiEntry(invocation)) {
            // A resource checks its input (a body missing, a sort unknown) before its services check access:
            // a stranger would get that 400 at rest and the refusal above during a restore, and so tell the
            // two apart. Refused first in both, he learns nothing from the order.
            restoreAudience.refuseAsAtRest();
        }
        if (!outsideTransactions) {
            TransactionTenant.bind(context.tenant().schema());
        }
        return invocation.proceed();
    }

    /** A method of a JAX-RS resource: the request's first step into tenant data. */
    private static boolean isApiEntry(InvocationContext invocation) {
        return invocation.getMethod() != null && invocation.getMethod().getDeclaringClass().isAnnotationPresent(Path.class);
    }

    private static boolean runsOutsideTransactions(InvocationContext invocation) {
        Transactional transactional = invocation.getMethod() == null ? null
                : invocation.getMethod().getAnnotation(Transactional.class);
        return transactional != null && transactional.value() == Transactional.TxType.NOT_SUPPORTED;
    }
}
