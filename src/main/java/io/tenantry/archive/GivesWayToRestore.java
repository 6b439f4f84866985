package io.tenantry.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import io.tenantry.platform.ConflictException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantRestores;

/**
 * An archive's way out that ends the archive once a restore of its tenant waits: an export holds the
 * tenant's transaction (its snapshot, and the lock every transaction of the tenant holds) for as long
 * as its client takes to read it, so a member downloading slowly would otherwise keep the owner from
 * restoring (409 after {@link TenantRestores#DRAIN}). The owner's restore comes first: before each
 * write it asks {@link TenantRestores#awaitsOthers}, and when a restore waits it refuses the write with
 * a {@link ConflictException} (409 while nothing was sent; a download cut off otherwise), which rolls
 * the export's transaction back and lets the restore begin. A client that reads nothing at all blocks
 * the write it is in, and so is waited for only until the restore's drain ends.
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
