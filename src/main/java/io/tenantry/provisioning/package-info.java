/**
 * Creating and deleting tenants, all-or-nothing: label rules, then a clone of the template (or the
 * migrations) and the registry row in one PostgreSQL transaction.
 */
package io.tenantry.provisioning;
