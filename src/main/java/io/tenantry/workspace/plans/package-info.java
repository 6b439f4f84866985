/** Test plans (a document and a set of cases of one product), their pages and /api/plans. */
package io.tenantry.workspace.plans;
