/** Comments and attachments on cases, runs and executions (named by kind and id), and /api/comments, /api/attachments. */
package io.tenantry.workspace.notes;
