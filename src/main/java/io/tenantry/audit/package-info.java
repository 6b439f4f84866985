/**
 * The audit trail: every change of who may do what and of a tenant's life, with who, when, from
 * where, and the values before and after, written by {@link io.tenantry.audit.AuditTrail} in the
 * changing transaction from the {@link io.tenantry.tenancy.Audited} events (and the provisioning
 * and account events) the changing modules fire; read by a tenant's owner and Administrators
 * ({@link io.tenantry.audit.AuditLog}, page and {@code /api/audit}) and, for the whole platform, by
 * super-users on the master tenant. Nothing here changes an entry; {@link io.tenantry.audit.AuditRetention}
 * removes the old ones.
 */
package io.tenantry.audit;
