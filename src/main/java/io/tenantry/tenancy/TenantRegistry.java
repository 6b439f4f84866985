package io.tenantry.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    private static final String COLUMNS = "label, schema_name, name, created_at, schema_version";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public List<Tenant> all() {
        try (Connection connection = Database.autoCommitted(dataSource);
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
        try (Connection connection = Database.autoCommitted(dataSource);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM public.tenant WHERE label = ?")) {
            select.setString(1, label.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(tenantOf(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tenant registry", e);
        }
    }

    /** Adds the row on the caller's connection, so it commits or rolls back with the schema. */
    public void insert(Connection connection, Tenant tenant) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO public.tenant (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, tenant.label().value());
            insert.setString(2, tenant.schema().value());
            insert.setString(3, tenant.name());
            insert.setTimestamp(4, Timestamp.from(tenant.createdAt()));
            insert.setString(5, tenant.schemaVersion());
            insert.executeUpdate();
        }
    }

    public boolean delete(Connection connection, TenantLabel label) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM public.tenant WHERE label = ?")) {
            delete.setString(1, label.value());
            return delete.executeUpdate() == 1;
        }
    }

    public void recordVersion(TenantLabel label, String version) {
        try (Connection connection = Database.autoCommitted(dataSource);
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE public.tenant SET schema_version = ? WHERE label = ?")) {
            update.setString(1, version);
            update.setString(2, label.value());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the schema version of " + label, e);
        }
    }

    private static Tenant tenantOf(ResultSet row) throws SQLException {
        return new Tenant(new TenantLabel(row.getString(1)), new SchemaName(row.getString(2)), row.getString(3),
                row.getTimestamp(4).toInstant(), row.getString(5));
    }
}
