package io.tenantry.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import io.tenantry.platform.ConflictException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantRestores;

/**
 * An archive's way out that ends the archive once a restore of its tenant waits: an archive being
 * written (an export, to its temporary file before it is sent: {@link ExportSpool}; a restore point)
 * holds the tenant's transaction, its snapshot and the lock every transaction of the tenant holds, and a
 * large tenant takes a while to write. The owner's restore comes first: before each write it asks
 * {@link TenantRestores#awaitsOthers}, and when a restore waits it refuses the write with a
 * {@link ConflictException} (409), which rolls the archive's transaction back and lets the restore begin.
 */
final class GivesWayToRestore extends FilterOutputStream {

    private final Tenant tenant;
    private final TenantRestores restores;

    GivesWayToRestore(OutputStream out, Tenant tenant, TenantRestores restores) {
        super(out);
        this.tenant = tenant;
        this.restores = restores;
    }

    @Override
    public void write(int b) throws IOException {
        giveWayIfAwaited();
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        giveWayIfAwaited();
        out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        giveWayIfAwaited();
        out.flush();
    }

    private void giveWayIfAwaited() {
        if (restores.awaitsOthers(tenant.label())) {
            throw new ConflictException("restore.exportGaveWay", tenant.name());
        }
    }
}
