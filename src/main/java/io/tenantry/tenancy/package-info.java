/**
 * Which tenant a request belongs to, and how its data reaches that tenant's schema: host name to
 * label ({@link io.tenantry.tenancy.TenantsDomain}), label to tenant ({@link io.tenantry.tenancy.TenantDirectory}),
 * tenant to PostgreSQL {@code search_path} ({@link io.tenantry.tenancy.SchemaRouting}); where a
 * tenant's upgrade stands ({@link io.tenantry.tenancy.UpgradeStates}), the public host's addresses,
 * the master tenant.
 */
package io.tenantry.tenancy;
