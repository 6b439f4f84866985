/** Flyway migrations of the public schema, the template and every tenant schema; upgrading tenants behind. */
package io.tenantry.migration;
