package io.tenantry.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.Tenant;
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

    public void createFromTemplate(Tenant tenant) {
        try (Connection connection = dataSource.getConnection()) {
            registry.insert(connection, tenant);
            try (PreparedStatement clone = connection.prepareStatement("SELECT public.tenantry_clone_schema(?, ?)")) {
                clone.setString(1, SchemaName.TEMPLATE.value());
                clone.setString(2, tenant.schema().value());
                clone.execute();
            }
        } catch (SQLException e) {
            throw failure(tenant, e);
        }
    }

    /** Registers a schema that the migrations have built under a staging name, renaming it. */
    public void adoptStaged(SchemaName staging, Tenant tenant) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            registry.insert(connection, tenant);
            statement.execute("ALTER SCHEMA " + staging.quoted() + " RENAME TO " + tenant.schema().quoted());
        } catch (SQLException e) {
            throw failure(tenant, e);
        }
    }

    public void delete(Tenant tenant) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!registry.delete(connection, tenant.label())) {
                throw new UnknownTenantException(tenant.label());
            }
            statement.execute("DROP SCHEMA IF EXISTS " + tenant.schema().quoted() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete tenant " + tenant.label() + ": " + e.getMessage(), e);
        }
    }

    private static RuntimeException failure(Tenant tenant, SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) || DUPLICATE_SCHEMA.equals(e.getSQLState())) {
            return new TenantConflictException(tenant.label());
        }
        return new IllegalStateException("Could not create tenant " + tenant.label() + ": " + e.getMessage(), e);
    }
}
