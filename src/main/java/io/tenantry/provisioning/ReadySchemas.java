package io.tenantry.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.tenantry.migration.DistributedSchemas;
import io.tenantry.migration.SchemaMigrations;
import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tenant schemas built ahead of need, so that a creation renames one (a row and a name in the
 * catalog) instead of building twenty tables, their keys and indexes while its requester waits:
 * what stancl/tenancy calls pending tenants. Each is named {@code _ready_<random>} (no label maps to
 * a name starting with '_', so no host reaches one), built by the creation script of the template's
 * version as a plain schema (on Citus it is distributed when taken, as a built tenant is), and listed
 * in {@code public.ready_schema} in the same transaction. A creation takes one in its own transaction
 * ({@link #take}): should the creation fail, the schema is ready again. {@link #refill} brings the
 * set back to {@link ReadySchemaCount} in the background, one schema a transaction, instances
 * taking turns under an advisory lock; schemas of a version behind the template's are dropped then.
 */
@ApplicationScoped
public class ReadySchemas {

    private static final Logger LOG = Logger.getLogger(ReadySchemas.class.getName());
    static final String PREFIX = "_ready_";
    /** The advisory lock under which one instance at a time counts and builds ready schemas. */
    private static final int LOCK_CLASS = 0x20_0020;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    SchemaMigrations migrations;

    @Inject
    ReadySchemaCount wanted;

    /** Refills asked for since the running one last counted; one refill runs at a time on an instance. */
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicBoolean filling = new AtomicBoolean();

    /**
     * Takes a ready schema at {@code version}, removing it from the set in the caller's transaction
     * on {@code connection}; the caller renames it. Empty when none is ready: the caller builds one.
     * Concurrent creations never take the same schema, and none waits for another's.
     */
    Optional<SchemaName> take(Connection connection, String version) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement("DELETE FROM public.ready_schema WHERE schema_name = "
                + "(SELECT schema_name FROM public.ready_schema WHERE version = ? LIMIT 1 FOR UPDATE SKIP LOCKED)"
                + " RETURNING schema_name")) {
            take.setString(1, version);
            try (ResultSet row = take.executeQuery()) {
                if (row.next()) {
                    return Optional.of(new SchemaName(row.getString(1)));
                }
            }
        }
        if (wanted.count() > 0) {
            LOG.info("No tenant schema was ready at version " + version + ": this creation builds its own (a burst"
                    + " of creations larger than TENANTS_READY_SCHEMAS=" + wanted.count() + ", or the set is still filling)");
        }
        return Optional.empty();
    }

    /**
     * At start-up: drops the schemas named as ready that the set does not list (their script was
     * written again, or their row is gone with a failed build), then refills. Returns at once.
     */
    public void start() {
        executor.submit(() -> {
            try {
                dropUnlisted();
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not drop the ready schemas left unlisted: " + e.getMessage(), e);
            }
            refill();
        });
    }

    /** Brings the set back to its size in the background; returns at once. */
    public void refill() {
        asked.incrementAndGet();
        if (wanted.count() > 0 && filling.compareAndSet(false, true)) {
            executor.submit(this::fill);
        }
    }

    private void fill() {
        try {
            do {
                asked.set(0);
                dropBehind();
                while (buildOneIfShort()) {
                    // one schema a transaction: each is taken as soon as it is built
                }
            } while (asked.get() > 0);
        } catch (SQLException | RuntimeException e) {
            // The next creation asks again; until then creations build their own schemas.
            asked.set(0);
            LOG.log(Level.WARNING, "Could not refill the ready tenant schemas: " + e.getMessage(), e);
        } finally {
            filling.set(false);
        }
        if (asked.get() > 0) {
            refill(); // asked for after the last count, while this refill was ending
        }
    }

    private boolean buildOneIfShort() throws SQLException {
        String version = migrations.tenantVersion();
        return inTransaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.execute();
            }
            if (countAt(connection, version) >= wanted.count()) {
                return false;
            }
            SchemaName schema = new SchemaName(PREFIX + UUID.randomUUID().toString().replace("-", ""));
            DistributedSchemas.createPlainSchemas(connection);
            try (PreparedStatement create = connection.prepareStatement("SELECT public.tenantry_create_schema(?, ?)")) {
                create.setString(1, schema.value());
                create.setString(2, version);
                create.execute();
            }
            try (PreparedStatement list = connection.prepareStatement(
                    "INSERT INTO public.ready_schema (schema_name, version) VALUES (?, ?)")) {
                list.setString(1, schema.value());
                list.setString(2, version);
                list.executeUpdate();
            }
            return true;
        });
    }

    private static int countAt(Connection connection, String version) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM public.ready_schema WHERE version = ?")) {
            count.setString(1, version);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Drops the ready schemas of versions behind the template's: no creation takes them any more. */
    private void dropBehind() throws SQLException {
        List<String> behind = new ArrayList<>();
        try (Connection connection = Database.connection(dataSource);
             Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT schema_name, version FROM public.ready_schema")) {
            while (rows.next()) {
                if (migrations.isBehind(rows.getString(2))) {
                    behind.add(rows.getString(1));
                }
            }
        }
        for (String name : behind) {
            SchemaName schema = new SchemaName(name);
            inTransaction(connection -> {
                try (PreparedStatement unlist = connection.prepareStatement(
                        "DELETE FROM public.ready_schema WHERE schema_name = ?")) {
                    unlist.setString(1, schema.value());
                    if (unlist.executeUpdate() == 1) { // 0: a creation on an instance still at that version took it
                        dropSchema(connection, schema);
                    }
                }
                return null;
            });
        }
        if (!behind.isEmpty()) {
            LOG.info("Dropped " + behind.size() + " ready tenant schema(s) behind version " + migrations.tenantVersion());
        }
    }

    /**
     * A schema named as ready and listed nowhere is taken by no creation: its script's row was
     * deleted (and its listing with it). Names and listings are read in one statement, so a schema
     * built meanwhile is seen with its row or not at all.
     */
    private void dropUnlisted() throws SQLException {
        List<SchemaName> unlisted = new ArrayList<>();
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement("SELECT n.nspname FROM pg_namespace n"
                     + " WHERE starts_with(n.nspname, ?)"
                     + " AND NOT EXISTS (SELECT 1 FROM public.ready_schema r WHERE r.schema_name = n.nspname)")) {
            select.setString(1, PREFIX);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    unlisted.add(new SchemaName(rows.getString(1)));
                }
            }
        }
        for (SchemaName schema : unlisted) {
            inTransaction(connection -> {
                dropSchema(connection, schema);
                return null;
            });
        }
        if (!unlisted.isEmpty()) {
            LOG.info("Dropped " + unlisted.size() + " ready tenant schema(s) no longer listed");
        }
    }

    private static void dropSchema(Connection connection, SchemaName schema) throws SQLException {
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS " + schema.quoted() + " CASCADE");
        }
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = Database.connection(dataSource)) {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Work done on a connection inside one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }
}
