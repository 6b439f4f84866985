package io.tenantry.access;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The permissions this instance read for an account in a tenant ({@link Memberships}), kept with the
 * tenant's count of access changes at the time ({@link MembershipChanges}). Each request reads that count,
 * one statement on the shared table, the same for every tenant, and gets the kept permissions while it is
 * unchanged; otherwise (or when none are kept) it reads the tenant's groups again. So a member removed or
 * a permission revoked on any instance is refused by the next request everywhere, while an unchanged
 * tenant's groups are not read at all: a statement a connection has not run for the tenant lately is
 * parsed and planned again (bench/README.md, "What a read costs PostgreSQL").
 * <p>
 * Kept by tenant id (never another life of the label) and schema version (a tenant migration may change
 * the built-in groups), for at most {@value #ENTRIES} accounts and tenants; beyond that, the least used
 * are dropped (and read again when next asked).
 */
@ApplicationScoped
public class KnownPermissions {

    /** About 200 bytes each: 20 MB of heap at most. */
    static final int ENTRIES = 100_000;

    private record Key(long tenantId, String schemaVersion, long accountId) {
    }

    private record Known(long version, Optional<Set<Permission>> permissions) {
    }

    // Evictions run on the caller's thread, not on a pool the server does not manage.
    private final Cache<Key, Known> known = Caffeine.newBuilder().maximumSize(ENTRIES).executor(Runnable::run).build();

    @Inject
    MembershipChanges changes;

    @Inject
    Memberships memberships;

    /**
     * As {@link Memberships#permissionsOf}: the account's permissions in the tenant, or nothing when it
     * is not authorized there; never older than the tenant's last committed change of access.
     */
    public Optional<Set<Permission>> of(Tenant tenant, long accountId) {
        OptionalLong version = changes.current(tenant.id());
        if (version.isEmpty()) {
            return memberships.permissionsOf(tenant, accountId); // gone meanwhile: nothing worth keeping
        }
        Key key = new Key(tenant.id(), tenant.schemaVersion(), accountId);
        Known kept = known.getIfPresent(key);
        if (kept != null && kept.version() == version.getAsLong()) {
            return kept.permissions();
        }
        // Read after the count: a change committed in between is in what is kept, under the older count,
        // so the next request reads again. Kept under a count it may be older than, never newer.
        Optional<Set<Permission>> read = memberships.permissionsOf(tenant, accountId);
        known.put(key, new Known(version.getAsLong(), read));
        return read;
    }
}
