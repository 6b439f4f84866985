package io.tenantry.tenancy;

/**
 * A tenant is being deleted: fired by provisioning synchronously inside the transaction that removes its registry row
 * and drops its schema, before either (a synchronous observer still reads the tenant's shared rows; a
 * refusal of the deletion rolls back what it wrote). Rows of the shared schema that name the tenant go with its row (foreign keys
 * with {@code ON DELETE CASCADE}); what lives outside the database, such as its folder of files, is
 * for observers of the commit ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}), so that
 * nothing is removed for a deletion that is rolled back. It lives on tenancy's floor so that the
 * modules below provisioning (files) may observe it.
 *
 * @param tenant the tenant as it was, its {@link Tenant#filesFolder()} included
 */
public record TenantDeleted(Tenant tenant) {
}
