/**
 * The work inside a tenant: test management, one sub-package per aggregate, each with its
 * entities, services, pages and REST resources: {@code products} (products, versions, builds),
 * {@code cases} (test cases and their history), {@code plans} (test plans and their cases),
 * {@code runs} (test runs, executions, JUnit imports, the dashboard) and {@code notes} (comments
 * and attachments on cases, runs and executions). A run is of a plan, a plan holds cases, a case is
 * of a product; notes name their subject by kind and id. This package holds only what they share:
 * input rules, list queries, people as user names, and the removal event notes listen to.
 */
package io.tenantry.workspace;
