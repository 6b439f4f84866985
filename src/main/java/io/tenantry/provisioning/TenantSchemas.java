package io.tenantry.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.tenantry.migration.CreationScripts;
import io.tenantry.migration.DistributedSchemas;
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
 * first; its unique label makes a concurrent creation of the same label wait, then fail. The module
 * creating a tenant writes its own tables for it in the same transaction (its {@code alongside});
 * other modules learn of a deletion by {@link TenantDeleted}, fired inside the same transaction.
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

    @Inject
    ReadySchemas readySchemas;

    // Observed synchronously, inside this class's transaction: other modules write their own tables
    // for the deletion, and a failure of theirs rolls the whole deletion back.
    @Inject
    Event<TenantDeleted> deleted;

    /**
     * A new tenant, its schema a ready one of {@code version} renamed ({@link ReadySchemas}) or, when
     * none is ready, built by the creation script of the template's {@code version} (written
     * once per version by {@code migration.CreationScripts}: no catalog-wide read or lock, so the cost
     * does not grow with the number of tenants); {@code filesFolder} names its (empty) folder
     * of files. {@code alongside} is given the tenant, its row and schema there, inside this
     * transaction: the creator writes its own tables for it (reached qualified with
     * {@code tenant.schema().quoted()}: the transaction is routed to no tenant); should it fail,
     * nothing is kept. On a Citus cluster sharding by schema the schema is distributed once built
     * ({@link DistributedSchemas}), in the same transaction.
     */
    public Created createFromTemplate(TenantLabel label, String name, String version, String filesFolder,
            Consumer<Tenant> alongside) {
        SchemaName schema = SchemaName.of(label);
        try (Connection connection = Database.connection(dataSource)) {
            Tenant tenant = registry.insert(connection, label, schema, name, version, filesFolder);
            boolean distributed = DistributedSchemas.shardsBySchema(connection);
            Optional<SchemaName> ready = readySchemas.take(connection, version);
            if (ready.isPresent()) {
                try (Statement rename = connection.createStatement()) {
                    rename.execute("ALTER SCHEMA " + ready.get().quoted() + " RENAME TO " + schema.quoted());
                }
            } else {
                CreationScripts.build(connection, schema, version);
            }
            if (distributed) {
                DistributedSchemas.distribute(connection, schema);
            }
            alongside.accept(tenant);
            TenantChanges.announce(connection, label);
            return new Created(tenant, ready.isPresent());
        } catch (SQLException e) {
            throw failure(label, e);
        }
    }

    /** A tenant made from the template, and whether its schema was a ready one renamed or built for it. */
    public record Created(Tenant tenant, boolean fromReadySchema) {
    }

    /**
     * Registers a schema that the migrations have built under a staging name, renaming it (and, on a
     * Citus cluster sharding by schema, distributing it: {@link DistributedSchemas});
     * {@code alongside} as for {@link #createFromTemplate}.
     */
    public Tenant adoptStaged(SchemaName staging, TenantLabel label, String name, String version,
            String filesFolder, Consumer<Tenant> alongside) {
        SchemaName schema = SchemaName.of(label);
        try (Connection connection = Database.connection(dataSource); Statement statement = connection.createStatement()) {
            Tenant tenant = registry.insert(connection, label, schema, name, version, filesFolder);
            statement.execute("ALTER SCHEMA " + staging.quoted() + " RENAME TO " + schema.quoted());
            if (DistributedSchemas.shardsBySchema(connection)) {
                DistributedSchemas.distribute(connection, schema);
            }
            alongside.accept(tenant);
            TenantChanges.announce(connection, label);
            return tenant;
        } catch (SQLException e) {
            throw failure(label, e);
        }
    }

    /**
     * A new name over {@code before}, as that request read the tenant, in the caller's transaction if
     * there is one (so that another module's change of its own tables for the same request commits
     * with it); every instance is told once it commits. Refuses a tenant renamed since
     * ({@link TenantConflictException}, 409: read it again) or gone ({@link UnknownTenantException}).
     */
    public Tenant rename(Tenant before, String name) {
        TenantLabel label = before.label();
        try (Connection connection = Database.connection(dataSource)) {
            Optional<Tenant> updated = registry.rename(connection, before, name);
            if (updated.isEmpty()) {
                throw registry.exists(connection, before.id()) ? TenantConflictException.changedMeanwhile(label)
                        : new UnknownTenantException(label);
            }
            TenantChanges.announce(connection, label);
            return updated.get();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rename tenant " + label + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the tenant out of service ({@code true}: every instance answers its host 404 from the
     * moment this commits) or puts it back; empty when the tenant is gone already.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Tenant> markBeingDeleted(Tenant tenant, boolean deleting) {
        try (Connection connection = Database.connection(dataSource)) {
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
        try (Connection connection = Database.connection(dataSource); Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
            deleted.fire(new TenantDeleted(tenant)); // before the row goes: see TenantDeleted
            if (!registry.delete(connection, tenant)) {
                throw new UnknownTenantException(tenant.label());
            }
            statement.execute("DROP SCHEMA IF EXISTS " + tenant.schema().quoted() + " CASCADE");
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
