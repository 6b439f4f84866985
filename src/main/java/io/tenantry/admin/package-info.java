/**
 * Platform administration from the master tenant: all tenants, subscription plans, announcements.
 * Models marked {@link io.tenantry.admin.MasterOnly} exist only for requests served by the master tenant.
 */
package io.tenantry.admin;
