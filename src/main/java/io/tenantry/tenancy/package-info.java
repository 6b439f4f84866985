/**
 * Which tenant a request belongs to, and how its data reaches that tenant's schema: host name to
 * label ({@link io.tenantry.tenancy.TenantsDomain}), label to tenant ({@link io.tenantry.tenancy.TenantDirectory}),
 * tenant to PostgreSQL {@code search_path} ({@link io.tenantry.tenancy.SchemaRouting}).
 */
package io.tenantry.tenancy;
