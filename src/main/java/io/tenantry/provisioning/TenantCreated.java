package io.tenantry.provisioning;

import io.tenantry.tenancy.Tenant;

/**
 * A tenant was created: fired synchronously inside the transaction that writes its registry row and
 * builds its schema, after both, so observers write their own tables for it (the owner's membership)
 * in that transaction. An observer that fails rolls the whole creation back: nothing is kept.
 *
 * @param tenant the new tenant, its schema already there (reach its tables qualified with
 *        {@code tenant.schema().quoted()}: the transaction is routed to no tenant)
 */
public record TenantCreated(Tenant tenant) {
}
