package io.tenantry.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/** The table of tenants in the public schema, read and written with plain SQL. */
@ApplicationScoped
public class TenantRegistry {

    /**
     * A row as {@link #tenantOf} reads it. The restore lease is read as the time it has left by the
     * database's clock, in milliseconds, and kept as an instant of this instance's clock: instances whose
     * clocks differ from the database's still end the 503 when the lease runs out.
     */
    private static final String COLUMNS = "id, label, schema_name, name, created_at, schema_version, files_folder, state, "
            + "(extract(epoch FROM restoring_until - clock_timestamp()) * 1000)::bigint";
    private static final String DELETING = "deleting";
    private static final String ACTIVE = "active";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public List<Tenant> all() {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM public.tenant ORDER BY label");
             ResultSet rows = select.executeQuery()) {
            List<Tenant> tenants = new ArrayList<>();
            while (rows.next()) {
                tenants.add(tenantOf(rows));
            }
            return tenants;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tenant registry", e);
        }
    }

    public Optional<Tenant> find(TenantLabel label) {
        return findWhere("label = ?", label.value());
    }

    /** This life of a tenant, by its row's key; empty when it is gone. */
    public Optional<Tenant> find(long id) {
        return findWhere("id = ?", id);
    }

    private Optional<Tenant> findWhere(String condition, Object key) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM public.tenant WHERE " + condition)) {
            select.setObject(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(tenantOf(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tenant registry", e);
        }
    }

    /**
     * Adds the row on the caller's connection, so it commits or rolls back with the schema;
     * {@code filesFolder} is the name of its folder of files, unique to this tenant.
     */
    public Tenant insert(Connection connection, TenantLabel label, SchemaName schema, String name,
            String schemaVersion, String filesFolder) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO public.tenant (label, schema_name, name, schema_version, files_folder) "
                        + "VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            insert.setString(1, label.value());
            insert.setString(2, schema.value());
            insert.setString(3, name);
            insert.setString(4, schemaVersion);
            insert.setString(5, filesFolder);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return tenantOf(row);
            }
        }
    }

    /**
     * Writes a new name over {@code before}, this life of the tenant (by id), only if the row still
     * holds the name {@code before} read: a change made meanwhile (by another request or instance) is
     * never overwritten with an old value. Empty when the row is gone or renamed since
     * ({@link #exists} tells which).
     */
    public Optional<Tenant> rename(Connection connection, Tenant before, String name) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE public.tenant SET name = ? WHERE id = ? AND name = ? RETURNING " + COLUMNS)) {
            update.setString(1, name);
            update.setLong(2, before.id());
            update.setString(3, before.name());
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(tenantOf(row)) : Optional.empty();
            }
        }
    }

    /** Whether this life of a tenant (by id) still has its row. */
    public boolean exists(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM public.tenant WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Marks this tenant (this life of its label, by id) as being deleted, or back in service, on
     * the caller's connection; empty when the row is gone or already in that state (another
     * deletion took it out of service first).
     */
    public Optional<Tenant> markBeingDeleted(Connection connection, Tenant tenant, boolean deleting)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE public.tenant SET state = ? WHERE id = ? AND state <> ? RETURNING " + COLUMNS)) {
            update.setString(1, deleting ? DELETING : ACTIVE);
            update.setLong(2, tenant.id());
            update.setString(3, deleting ? DELETING : ACTIVE);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(tenantOf(row)) : Optional.empty();
            }
        }
    }

    /**
     * Marks this tenant (by id, in service) as being restored for {@code lease} from the database's
     * now, on an auto-committed connection, and tells every instance; empty when the row is gone, being
     * deleted, or a restore's lease on it has not run out (another instance is restoring it).
     */
    Optional<Tenant> leaseRestore(Tenant tenant, Duration lease) {
        return changeRestore(tenant, "UPDATE public.tenant SET restoring_until = now() + make_interval(secs => ?) "
                + "WHERE id = ? AND state = '" + ACTIVE + "' AND (restoring_until IS NULL OR restoring_until <= now()) "
                + "RETURNING " + COLUMNS, lease);
    }

    /** Moves the restore's lease on this tenant to {@code lease} from now; empty when it was ended meanwhile. */
    Optional<Tenant> renewRestore(Tenant tenant, Duration lease) {
        return changeRestore(tenant, "UPDATE public.tenant SET restoring_until = now() + make_interval(secs => ?) "
                + "WHERE id = ? AND restoring_until IS NOT NULL RETURNING " + COLUMNS, lease);
    }

    /** Ends the restore's lease on this tenant; empty when the row is gone. */
    Optional<Tenant> endRestore(Tenant tenant) {
        return changeRestore(tenant, "UPDATE public.tenant SET restoring_until = NULL WHERE id = ? RETURNING "
                + COLUMNS, null);
    }

    /** Runs the update (its lease in seconds first, when there is one, then the tenant's id) and tells every instance. */
    private Optional<Tenant> changeRestore(Tenant tenant, String update, Duration lease) {
        try (Connection connection = Database.connection(dataSource)) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                int next = 1;
                if (lease != null) {
                    statement.setDouble(next++, lease.toMillis() / 1000.0);
                }
                statement.setLong(next, tenant.id());
                Optional<Tenant> changed;
                try (ResultSet row = statement.executeQuery()) {
                    changed = row.next() ? Optional.of(tenantOf(row)) : Optional.empty();
                }
                if (changed.isPresent()) {
                    TenantChanges.announce(connection, tenant.label());
                }
                connection.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark the restore of " + tenant.label(), e);
        }
    }

    /**
     * Gives this tenant (by id) another folder of files, on the caller's connection and transaction,
     * and tells every instance once it commits ({@link TenantChanges}): a restore writes the
     * archive's files to a new folder and switches to it with its rows, all or nothing.
     */
    public void moveFiles(Connection connection, Tenant tenant, String folder) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE public.tenant SET files_folder = ? WHERE id = ?")) {
            update.setString(1, folder);
            update.setLong(2, tenant.id());
            if (update.executeUpdate() != 1) {
                throw new TenantGoneException(tenant.label());
            }
        }
        TenantChanges.announce(connection, tenant.label());
    }

    /** Removes this tenant's row (by id, so never a later tenant of the same label); false when it is gone. */
    public boolean delete(Connection connection, Tenant tenant) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM public.tenant WHERE id = ?")) {
            delete.setLong(1, tenant.id());
            return delete.executeUpdate() == 1;
        }
    }

    /** Records a tenant's schema version, and tells the other instances (see {@link TenantChanges}). */
    public void recordVersion(TenantLabel label, String version) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE public.tenant SET schema_version = ? WHERE label = ?")) {
            update.setString(1, version);
            update.setString(2, label.value());
            update.executeUpdate();
            TenantChanges.announce(connection, label);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the schema version of " + label, e);
        }
    }

    private static Tenant tenantOf(ResultSet row) throws SQLException {
        return new Tenant(row.getLong(1), new TenantLabel(row.getString(2)), new SchemaName(row.getString(3)),
                row.getString(4), row.getTimestamp(5).toInstant(), row.getString(6), row.getString(7),
                DELETING.equals(row.getString(8)),
                row.getObject(9) == null ? null : Instant.now().plusMillis(row.getLong(9)));
    }
}
