/** Test runs of a plan and their executions, JUnit report imports, the dashboard, their pages and /api/runs, /api/executions. */
package io.tenantry.workspace.runs;
