/** Flyway migrations of the public schema, the template and every tenant schema. */
package io.tenantry.migration;
