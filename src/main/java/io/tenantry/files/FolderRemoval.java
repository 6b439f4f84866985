package io.tenantry.files;

import io.tenantry.tenancy.TenantDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * A deleted tenant's folder of files goes once its deletion has committed, never before: a deletion
 * rolled back keeps its files. Should the server stop between the commit and the removal, or the
 * removal fail, the sweep at the next start-up removes the folder, which no tenant owns any more.
 */
@ApplicationScoped
public class FolderRemoval {

    @Inject
    TenantFiles files;

    /** Removes the folder the deleted tenant's registry row named (errors are logged by {@link TenantFiles#deleteFolder}). */
    void removeFolderOf(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantDeleted deleted) {
        files.deleteFolder(deleted.tenant().filesFolder());
    }
}
