package io.tenantry.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tenantry.files.TenantFiles;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * At start-up, finishes what a server stopped mid-way (kill -9, power loss) left half done with
 * tenants and their files: deletions that had begun are completed, folders that no tenant owns
 * (a deletion that committed before its folder was removed, a write that came too late) are
 * removed, and partial files of writes that never finished are removed.
 */
@ApplicationScoped
public class InterruptedWork {

    private static final Logger LOG = Logger.getLogger(InterruptedWork.class.getName());
    /** Partial files younger than this may belong to an upload another instance is still receiving. */
    private static final Duration PARTIAL_FILE_AGE = Duration.ofHours(1);

    @Inject
    TenantRegistry registry;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    TenantFiles files;

    /** Runs the three steps; a step failing for one tenant or folder is logged and the rest goes on. */
    public void finish() {
        for (Tenant tenant : registry.all()) {
            if (tenant.beingDeleted()) {
                try {
                    LOG.warning("Finishing the interrupted deletion of tenant " + tenant.label());
                    provisioning.finishDeletion(tenant);
                } catch (Exception e) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
                    LOG.log(Level.SEVERE, "Could not finish deleting tenant " + tenant.label(), e);
                }
            }
        }
        removeFoldersWithoutTenant();
        int partial = files.deleteAbandonedPartialFiles(Instant.now().minus(PARTIAL_FILE_AGE));
        if (partial > 0) {
            LOG.warning("Removed " + partial + " partial file(s) of writes that never finished");
        }
    }

    /**
     * The folders are listed before the registry is read: a folder is written only once its
     * tenant has committed, so a tenant created meanwhile (on another instance) is never taken
     * for an orphan.
     */
    private void removeFoldersWithoutTenant() {
        List<String> folders = files.folderNames();
        Set<String> owned = new HashSet<>();
        registry.all().forEach(tenant -> owned.add(tenant.filesFolder()));
        Instant young = Instant.now().minus(PARTIAL_FILE_AGE);
        for (String folder : folders) {
            // A restore's folder is named by the registry only as the restore commits: a young one may
            // be a restore going on, on another instance.
            boolean restoring = TenantFiles.isRestoreFolderName(folder) && files.lastChanged(folder).isAfter(young);
            if (!owned.contains(folder) && !restoring && files.deleteFolder(folder)) {
                LOG.warning("Removed the folder " + folder + ", which no tenant owns");
            }
        }
    }
}
