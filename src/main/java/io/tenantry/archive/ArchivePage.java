package io.tenantry.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

import org.primefaces.model.file.UploadedFile;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.Explained;
import io.tenantry.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The settings page's export link and import form. */
@Named
@ViewScoped
public class ArchivePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TenantImport imports;

    @Inject
    ArchiveSpool spool;

    @Inject
    TenantAccess access;

    @Inject
    ImportsAtOnce importsAtOnce;

    @Inject
    CurrentCaller caller;

    private transient UploadedFile archive;

    public boolean isMayExport() {
        return access.permits(Permission.TENANT_EXPORT);
    }

    /** Imports the chosen archive, streamed from the upload; a refusal (limits, rules, not the owner) is shown as a message. */
    public void upload() throws IOException {
        if (archive == null || archive.getSize() == 0) {
            Messages.error("settings.noFile");
            return;
        }
        try (InputStream in = archive.getInputStream()) {
            imports.requireImportable(archive.getSize());
            TenantImport.Outcome outcome;
            try (ImportsAtOnce.Turn turn = importsAtOnce.begin(caller.require().accountId());
                 SpooledArchive spooled = spool.spool(in)) {
                outcome = imports.readFrom(spooled);
            }
            Messages.info("archive.imported", outcome.rows().values().stream().mapToInt(Integer::intValue).sum(),
                    outcome.files());
            if (!outcome.invited().isEmpty()) {
                Messages.info("archive.invited", String.join(", ", outcome.invited()));
            }
            if (outcome.reassigned() > 0) {
                Messages.info("archive.reassigned", outcome.reassigned());
            }
            if (!outcome.notInvited().isEmpty()) {
                Messages.error("archive.notInvited", String.join(", ", outcome.notInvited()));
            }
        } catch (RuntimeException e) {
            if (!(e instanceof Explained)) {
                throw e;
            }
            Messages.failure(e);
        }
    }

    public UploadedFile getArchive() {
        return archive;
    }

    public void setArchive(UploadedFile archive) {
        this.archive = archive;
    }
}
