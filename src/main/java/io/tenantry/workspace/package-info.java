/**
 * The work inside a tenant: test management (products, cases, plans, runs, comments and
 * attachments), its services, pages and REST resources.
 */
package io.tenantry.workspace;
