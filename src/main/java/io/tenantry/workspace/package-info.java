/** The work inside a tenant: test management, starting with products and their versions. */
package io.tenantry.workspace;
