/** Test cases, their history of changes, their pages and /api/cases. */
package io.tenantry.workspace.cases;
