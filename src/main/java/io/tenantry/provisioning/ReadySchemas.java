package io.tenantry.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.tenantry.migration.CreationScripts;
import io.tenantry.migration.SchemaMigrations;
import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tenant schemas built ahead of need, so that a creation renames one (a row and a name in the
 * catalog) instead of building some twenty tables, their keys and indexes while its requester waits:
 * what stancl/tenancy calls pending tenants. Each is named {@code _ready_<random>} (no label maps to
 * a name starting with '_', so no host reaches one), built by the creation script of the template's
 * version as a plain schema (on Citus it is distributed when taken, as a built tenant is), and listed
 * in {@code public.ready_schema} in the same transaction. A creation takes one in the creating
 * transaction ({@link #take}), so a creation that fails leaves it ready. {@link #requestRefill}
 * brings the set back to {@link ReadySchemaCount} at the template's version in the background, one
 * schema a transaction, instances taking turns under an advisory lock; {@link ReadySchemaCleanup}
 * drops those no creation will take.
 */
@ApplicationScoped
public class ReadySchemas {

    private static final Logger LOG = Logger.getLogger(ReadySchemas.class.getName());
    static final String PREFIX = "_ready_";
    /**
     * The advisory lock under which one instance at a time counts and builds ready schemas: a class
     * of Tenantry's own locks (0x20_00xx; see {@code tenancy.TenantRestores}, {@code access.OwnedTenants}).
     */
    private static final int LOCK_CLASS = 0x20_0020;
    private static final int BUILDS_PER_TASK = 5;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    SchemaMigrations migrations;

    @Inject
    ReadySchemaCleanup cleanup;

    @Inject
    ReadySchemaCount wanted;

    /** Refills asked for since the running one last counted; one refill runs at a time on an instance. */
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicBoolean refilling = new AtomicBoolean();
    /** Set once this instance has refilled after its start: a creation before it finds none, and says nothing. */
    private volatile boolean started;

    /**
     * Takes a ready schema at {@code version}, unlisting it in the caller's transaction on
     * {@code connection}; the caller renames it in the same transaction. Empty when none is ready: the
     * caller builds one. Concurrent creations never take the same schema, and none waits for another's.
     */
    Optional<SchemaName> take(Connection connection, String version) throws SQLException {
        // The oldest first; a row whose schema was dropped by hand is passed over (the next start removes it).
        try (PreparedStatement unlist = connection.prepareStatement("DELETE FROM public.ready_schema WHERE schema_name = "
                + "(SELECT schema_name FROM public.ready_schema WHERE version = ? AND to_regnamespace(schema_name) IS NOT NULL"
                + " ORDER BY built_at, schema_name LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING schema_name")) {
            unlist.setString(1, version);
            try (ResultSet row = unlist.executeQuery()) {
                if (row.next()) {
                    return Optional.of(new SchemaName(row.getString(1)));
                }
            }
        }
        if (started && wanted.count() > 0) {
            LOG.info("No tenant schema was ready at version " + version + ": this creation builds its own (more creations"
                    + " came at once than TENANTS_READY_SCHEMAS=" + wanted.count() + ", or faster than the set refills)");
        }
        return Optional.empty();
    }

    /**
     * At start-up, once the template is migrated: drops the ready schemas no creation will take
     * ({@link ReadySchemaCleanup#atStart}), then refills. Returns at once; the work runs in the background.
     */
    public void start() {
        executor.submit(() -> {
            try {
                cleanup.atStart();
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not drop the ready tenant schemas no creation takes: " + e.getMessage(), e);
            }
            started = true;
            requestRefill();
        });
    }

    /** Asks for the set to be brought back to its size in the background; returns at once, and never throws. */
    public void requestRefill() {
        asked.incrementAndGet();
        if (wanted.count() > 0 && refilling.compareAndSet(false, true)) {
            try {
                executor.submit(this::refillSome);
            } catch (RejectedExecutionException stopping) {
                refilling.set(false);
                LOG.warning("Could not start refilling the ready tenant schemas: " + stopping.getMessage());
            }
        }
    }

    /**
     * Builds at most {@value #BUILDS_PER_TASK} schemas, then hands the rest to a task of its own: the
     * server's default executor is for short work, and a first fill may build hundreds.
     */
    private void refillSome() {
        try {
            int built = 0;
            do {
                asked.set(0);
                cleanup.dropBehind();
                while (built < BUILDS_PER_TASK && buildOneIfShort()) {
                    built++; // one schema a transaction: each can be taken as soon as it is built
                }
                if (built == BUILDS_PER_TASK) {
                    asked.incrementAndGet(); // more may be wanted: the next task counts again
                    break;
                }
            } while (asked.get() > 0);
        } catch (SQLException | RuntimeException e) {
            // Not retried here (the database may be down): the next creation asks again, and builds its own meanwhile.
            asked.set(0);
            LOG.log(Level.WARNING, "Could not refill the ready tenant schemas: " + e.getMessage(), e);
        } finally {
            refilling.set(false);
        }
        if (asked.get() > 0) {
            requestRefill(); // asked for after the last count, or more to build: in a task of its own
        }
    }

    /**
     * Builds one ready schema if fewer than wanted are at the template's version; false when none was
     * built: the set is full, another instance is refilling it (it counts again after each schema, so
     * this one need not wait), or a newer version's creation script exists (a rolling upgrade: the
     * instances on the newer code drop this version's, so building them would be work undone).
     */
    private boolean buildOneIfShort() throws SQLException {
        String version = migrations.tenantVersion();
        return Database.inLocalTransaction(dataSource, connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, 0)")) {
                lock.setInt(1, LOCK_CLASS);
                try (ResultSet taken = lock.executeQuery()) {
                    if (!taken.next() || !taken.getBoolean(1)) {
                        return false;
                    }
                }
            }
            if (countAt(connection, version) >= wanted.count() || newerVersionExists(connection, version)) {
                return false;
            }
            SchemaName schema = new SchemaName(PREFIX + UUID.randomUUID().toString().replace("-", ""));
            CreationScripts.build(connection, schema, version);
            try (PreparedStatement list = connection.prepareStatement(
                    "INSERT INTO public.ready_schema (schema_name, version) VALUES (?, ?)")) {
                list.setString(1, schema.value());
                list.setString(2, version);
                list.executeUpdate();
            }
            return true;
        });
    }

    /** The ready schemas at {@code version}, counted in the caller's transaction on {@code connection}. */
    private static int countAt(Connection connection, String version) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM public.ready_schema WHERE version = ?")) {
            count.setString(1, version);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private boolean newerVersionExists(Connection connection, String version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM public.tenant_creation_script WHERE version <> ?")) {
            select.setString(1, version);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!migrations.isBehind(rows.getString(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
