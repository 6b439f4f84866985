package io.tenantry.workspace;

/**
 * Fired inside the removing transaction, after products, plans, cases, runs or executions were
 * removed and the removal flushed: what hangs on them by kind and id (comments, attachments),
 * which no foreign key removes, is forgotten by its owner in the same transaction.
 */
public record WorkspaceItemsRemoved() {
}
