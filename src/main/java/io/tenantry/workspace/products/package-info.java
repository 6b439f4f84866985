/** Products, their versions and builds: the catalog, the tenant's start page and /api/products. */
package io.tenantry.workspace.products;
