package io.tenantry.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantChanges;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A tenant's schema and its registry row change together, in one transaction: PostgreSQL's DDL is
 * transactional, so a failure or a crash at any point leaves neither. The registry row is written
 * first; its unique label makes a concurrent creation of the same label wait, then fail.
 */
@ApplicationScoped
@Transactional
public class TenantSchemas {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DUPLICATE_SCHEMA = "42P06";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    TenantRegistry registry;

    public Tenant createFromTemplate(TenantLabel label, String name, Tenant.Terms terms, String version) {
        SchemaName schema = SchemaName.of(label);
        try (Connection connection = dataSource.getConnection()) {
            Tenant tenant = registry.insert(connection, label, schema, name, terms, version);
            try (PreparedStatement clone = connection.prepareStatement("SELECT public.tenantry_clone_schema(?, ?)")) {
                clone.setString(1, SchemaName.TEMPLATE.value());
                clone.setString(2, schema.value());
                clone.execute();
            }
            admitOwner(connection, tenant);
            TenantChanges.announce(connection, label);
            return tenant;
        } catch (SQLException e) {
            throw failure(label, e);
        }
    }

    /** Registers a schema that the migrations have built under a staging name, renaming it. */
    public Tenant adoptStaged(SchemaName staging, TenantLabel label, String name, Tenant.Terms terms, String version) {
        SchemaName schema = SchemaName.of(label);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Tenant tenant = registry.insert(connection, label, schema, name, terms, version);
            statement.execute("ALTER SCHEMA " + staging.quoted() + " RENAME TO " + schema.quoted());
            admitOwner(connection, tenant);
            TenantChanges.announce(connection, label);
            return tenant;
        } catch (SQLException e) {
            throw failure(label, e);
        }
    }

    /** New name and terms; a new owner becomes an authorized user and an Administrator in the same transaction. */
    public Tenant change(TenantLabel label, String name, Tenant.Terms terms) {
        try (Connection connection = dataSource.getConnection()) {
            Tenant changed = registry.update(connection, label, name, terms)
                    .orElseThrow(() -> new UnknownTenantException(label));
            admitOwner(connection, changed);
            TenantChanges.announce(connection, label);
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change tenant " + label + ": " + e.getMessage(), e);
        }
    }

    public void delete(Tenant tenant) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!registry.delete(connection, tenant.label())) {
                throw new UnknownTenantException(tenant.label());
            }
            statement.execute("DROP SCHEMA IF EXISTS " + tenant.schema().quoted() + " CASCADE");
            TenantChanges.announce(connection, tenant.label());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete tenant " + tenant.label() + ": " + e.getMessage(), e);
        }
    }

    /** The owner is an authorized user and an Administrator from the first moment, in the same transaction. */
    private static void admitOwner(Connection connection, Tenant tenant) throws SQLException {
        if (tenant.terms().ownerId().isEmpty()) {
            return;
        }
        long owner = tenant.terms().ownerId().get();
        try (PreparedStatement member = connection.prepareStatement(
                     "INSERT INTO public.tenant_member (tenant_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement administrator = connection.prepareStatement(
                     "INSERT INTO " + tenant.schema().quoted() + ".group_member (group_id, account_id) SELECT id, ? FROM "
                             + tenant.schema().quoted() + ".access_group WHERE name = 'Administrator' AND built_in "
                             + "ON CONFLICT DO NOTHING")) {
            member.setLong(1, tenant.id());
            member.setLong(2, owner);
            member.executeUpdate();
            administrator.setLong(1, owner);
            administrator.executeUpdate();
        }
    }

    private static RuntimeException failure(TenantLabel label, SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) || DUPLICATE_SCHEMA.equals(e.getSQLState())) {
            return new TenantConflictException(label);
        }
        return new IllegalStateException("Could not create tenant " + label + ": " + e.getMessage(), e);
    }
}
