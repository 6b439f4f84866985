package io.tenantry.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A tenant's storage against its {@link StorageLimit}: the bytes of its folder and of what modules
 * above keep for it ({@link StoredElsewhere}: restore points). A write is refused before any of it is
 * written when the tenant is at its limit, and cut off (nothing kept) once it would pass it, so one
 * owner cannot fill the disk every tenant shares. Counted at each write, not reserved: two writes at
 * once may each fit alone and together pass the limit by at most one write's size. Counted outside the
 * caller's transaction, on connections of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class TenantStorage {

    @Inject
    StorageLimit limit;

    @Inject
    TenantFiles files;

    @Inject
    Instance<StoredElsewhere> elsewhere;

    /** The bytes the tenant keeps now: its folder's files and its restore points. */
    public long usedBytes(Tenant tenant) {
        long used = files.folderBytes(tenant);
        for (StoredElsewhere stored : elsewhere) {
            used += stored.bytesOf(tenant);
        }
        return used;
    }

    /**
     * How many more bytes the tenant may write now; a {@link StorageLimitException} (507) when it has
     * no room left, or less than {@code declaredBytes} (a body's announced length, 0 when unknown).
     */
    public long roomFor(Tenant tenant, long declaredBytes) {
        long used = usedBytes(tenant);
        long room = limit.maxBytes() - used;
        if (room <= 0 || declaredBytes > room) {
            throw new StorageLimitException(tenant.name(), limit, used);
        }
        return room;
    }

    /**
     * {@code out}, cut off with a {@link StorageLimitException} once more than {@code room} bytes are
     * written to it ({@link #roomFor}): the caller removes what it wrote.
     */
    public OutputStream within(Tenant tenant, long room, OutputStream out) {
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                count(1);
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                count(length);
                out.write(bytes, offset, length);
            }

            private void count(int bytes) {
                written += bytes;
                if (written > room) {
                    throw new StorageLimitException(tenant.name(), limit, limit.maxBytes() - room + written);
                }
            }
        };
    }

    /** The setting, for those who show it. */
    public StorageLimit limit() {
        return limit;
    }
}
