package io.tenantry.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDeleted;
import io.tenantry.tenancy.TenantChanges;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A tenant's schema and its registry row change together, in one transaction: PostgreSQL's DDL is
 * transactional, so a failure or a crash at any point leaves neither. The registry row is written
 * first; its unique label makes a concurrent creation of the same label wait, then fail. Other
 * modules learn of a creation, a change and a deletion by {@link TenantCreated},
 * {@link TenantTermsChanged} and {@link TenantDeleted}, fired inside the same transaction.
 */
@ApplicationScoped
@Transactional
public class TenantSchemas {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DUPLICATE_SCHEMA = "42P06";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String DEADLOCK = "40P01";
    /** How long a deletion waits for a lock on the tenant's tables before it ends their holders. */
    static final String LOCK_WAIT = "2s";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    TenantRegistry registry;

    // Observed synchronously, inside this class's transaction: other modules write their own tables
    // for the change, and a failure of theirs rolls the whole change back.
    @Inject
    Event<TenantCreated> created;

    @Inject
    Event<TenantTermsChanged> termsChanged;

    @Inject
    Event<TenantDeleted> deleted;

    /** A new tenant, its schema cloned from the template; {@code filesFolder} names its (empty) folder of files. */
    public Tenant createFromTemplate(TenantLabel label, String name, Tenant.Terms terms, String version,
            String filesFolder) {
        SchemaName schema = SchemaName.of(label);
        try (Connection connection = dataSource.getConnection()) {
            Tenant tenant = registry.insert(connection, label, schema, name, terms, version, filesFolder);
            try (PreparedStatement clone = connection.prepareStatement("SELECT public.tenantry_clone_schema(?, ?)")) {
                clone.setString(1, SchemaName.TEMPLATE.value());
                clone.setString(2, schema.value());
                clone.execute();
            }
            created.fire(new TenantCreated(tenant));
            TenantChanges.announce(connection, label);
            return tenant;
        } catch (SQLException e) {
            throw failure(label, e);
        }
    }

    /** Registers a schema that the migrations have built under a staging name, renaming it. */
    public Tenant adoptStaged(SchemaName staging, TenantLabel label, String name, Tenant.Terms terms, String version,
            String filesFolder) {
        SchemaName schema = SchemaName.of(label);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Tenant tenant = registry.insert(connection, label, schema, name, terms, version, filesFolder);
            statement.execute("ALTER SCHEMA " + staging.quoted() + " RENAME TO " + schema.quoted());
            created.fire(new TenantCreated(tenant));
            TenantChanges.announce(connection, label);
            return tenant;
        } catch (SQLException e) {
            throw failure(label, e);
        }
    }

    /**
     * New name and terms over {@code before}, as that request read the tenant; observers of
     * {@link TenantTermsChanged} make a new owner an authorized user and an Administrator in the same transaction. Refuses a tenant changed since
     * ({@link TenantConflictException}, 409: read it again) or gone ({@link UnknownTenantException}).
     */
    public Tenant change(Tenant before, String name, Tenant.Terms terms) {
        TenantLabel label = before.label();
        try (Connection connection = dataSource.getConnection()) {
            Optional<Tenant> updated = registry.update(connection, before, name, terms);
            if (updated.isEmpty()) {
                throw registry.exists(connection, before.id()) ? TenantConflictException.changedMeanwhile(label)
                        : new UnknownTenantException(label);
            }
            termsChanged.fire(new TenantTermsChanged(before, updated.get()));
            TenantChanges.announce(connection, label);
            return updated.get();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change tenant " + label + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the tenant out of service ({@code true}: every instance answers its host 404 from the
     * moment this commits) or puts it back; empty when the tenant is gone already.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Tenant> markBeingDeleted(Tenant tenant, boolean deleting) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<Tenant> marked = registry.markBeingDeleted(connection, tenant, deleting);
            TenantChanges.announce(connection, tenant.label());
            return marked;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark tenant " + tenant.label() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the registry row and drops the schema, together. Waits at most
     * {@value #LOCK_WAIT} for the locks of transactions still working in the schema, then refuses
     * with {@link TenantBusyException} (as it does when PostgreSQL breaks a deadlock by ending this
     * transaction); {@link UnknownTenantException} when the row is gone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void drop(Tenant tenant) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
            if (!registry.delete(connection, tenant)) {
                throw new UnknownTenantException(tenant.label());
            }
            statement.execute("DROP SCHEMA IF EXISTS " + tenant.schema().quoted() + " CASCADE");
            deleted.fire(new TenantDeleted(tenant));
            TenantChanges.announce(connection, tenant.label());
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || DEADLOCK.equals(e.getSQLState())) {
                throw new TenantBusyException(tenant.label());
            }
            throw new IllegalStateException("Could not delete tenant " + tenant.label() + ": " + e.getMessage(), e);
        }
    }

    private static RuntimeException failure(TenantLabel label, SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) || DUPLICATE_SCHEMA.equals(e.getSQLState())) {
            return new TenantConflictException(label);
        }
        return new IllegalStateException("Could not create tenant " + label + ": " + e.getMessage(), e);
    }
}
