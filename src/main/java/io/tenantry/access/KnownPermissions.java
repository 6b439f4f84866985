package io.tenantry.access;

import java.time.Duration;
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
 * tenant's access version at the time ({@link AccessVersions}). Each request reads the version, one
 * statement on a shared table, the same for every tenant, and gets the kept permissions while it is
 * unchanged; otherwise (or when none are kept) it reads the tenant's groups again. So a member removed or
 * a permission revoked on any instance is refused by the next request everywhere, while an unchanged
 * tenant's groups are not read at all: over a large fleet that statement was parsed and planned again on
 * most reads (bench/README.md, "What a read costs PostgreSQL").
 * <p>
 * Kept by tenant id (a tenant created again under the same label has a new one), schema version (a tenant
 * migration may change the built-in groups) and account, for at most {@value #ENTRIES} (tenant, account) pairs: a
 * stranger signed in to many tenants adds one per tenant, so the pairs are bounded, unlike the tenants'
 * terms ({@link TenantTermsDirectory}). Beyond that Caffeine drops those it judges least likely to be
 * asked again (by how often and how lately they were), to be read again when they are.
 * <p>
 * Two limits. Nothing is kept for more than {@link #AT_MOST}: a change that did not bump the version
 * (made by an instance of an older Tenantry during a rolling upgrade, or by hand without the bump that
 * docs/operations.md gives) is seen within that time, not never. And nothing is kept on a database with
 * the Citus extension ({@link AccessVersions#mayBeApartFromTheGroups}, asked again every {@link #ASKED_AGAIN}):
 * there the permissions are read on every request, as before. Nor is anything kept from a transaction that
 * has written ({@link AccessVersions#current}): a version read after its own uncommitted bump could roll back.
 */
@ApplicationScoped
public class KnownPermissions {

    /** An estimate of 150 to 250 bytes a pair (key, version, set, Caffeine's node): 15 to 25 MB of heap at most. */
    static final int ENTRIES = 100_000;

    /**
     * How long permissions are kept at most, however unchanged the version. Over 10,000 tenants read evenly at
     * 450 reads a second, a tenant is read about every 22 s, so 10 minutes costs one read of its groups in
     * about 27.
     */
    static final Duration AT_MOST = Duration.ofMinutes(10);

    private record Key(long tenantId, String schemaVersion, long accountId) {
    }

    private record Known(long version, Optional<Set<Permission>> permissions) {
    }

    // Evictions run on the caller's thread, not on a pool the server does not manage.
    private final Cache<Key, Known> known = Caffeine.newBuilder().maximumSize(ENTRIES).expireAfterWrite(AT_MOST)
            .executor(Runnable::run).build();

    /** How often whether the database has Citus is asked again: Citus may be added while instances run. */
    static final Duration ASKED_AGAIN = Duration.ofMinutes(1);

    /** Whether permissions may be kept here at all (no Citus), and when that was asked (System.nanoTime). */
    private record Keeping(boolean allowed, long askedAt) {
    }

    private volatile Keeping keeping;

    @Inject
    AccessVersions accessVersions;

    @Inject
    Memberships memberships;

    /**
     * As {@link Memberships#permissionsOf}: the account's permissions in the tenant, or nothing when it
     * is not authorized there; never older than the tenant's access version read by this call.
     */
    public Optional<Set<Permission>> of(Tenant tenant, long accountId) {
        if (!keeping()) {
            return memberships.permissionsOf(tenant, accountId);
        }
        OptionalLong version = accessVersions.current(tenant.id());
        if (version.isEmpty()) {
            return memberships.permissionsOf(tenant, accountId); // gone meanwhile, or read by a writer: nothing to keep
        }
        Key key = new Key(tenant.id(), tenant.schemaVersion(), accountId);
        Known kept = known.getIfPresent(key);
        if (kept != null && kept.version() == version.getAsLong()) {
            return kept.permissions();
        }
        // Read after the version: a change committed in between is in what is kept, under the older version,
        // so the next request reads again. Kept under a version it may be older than, never newer.
        Optional<Set<Permission>> read = memberships.permissionsOf(tenant, accountId);
        known.put(key, new Known(version.getAsLong(), read));
        return read;
    }

    private boolean keeping() {
        Keeping asked = keeping;
        long now = System.nanoTime();
        if (asked == null || now - asked.askedAt() > ASKED_AGAIN.toNanos()) {
            // Racing callers ask the same question twice: harmless.
            asked = new Keeping(!accessVersions.mayBeApartFromTheGroups(), now);
            keeping = asked;
        }
        return asked.allowed();
    }
}
