package io.tenantry.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the statements that build a tenant schema at the template's version in
 * {@code public.tenant_creation_script}, written from the template (by
 * {@code public.tenantry_creation_script}) only when that version has none: reading the template out
 * of the catalog costs in proportion to the whole fleet's catalog, so it happens once per version,
 * not once per tenant (nor once per start). They are replayed by {@link #build}: for the ready schemas ({@code provisioning.ReadySchemas}) and for a creation that finds none ready.
 */
@ApplicationScoped
public class CreationScripts {

    private static final Logger LOG = Logger.getLogger(CreationScripts.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Makes sure a creation script for {@code version} (as Flyway writes it, e.g. {@code "6.3"}) is
     * stored; the template must be at that version. Two instances writing it at once store one.
     *
     * @throws IllegalStateException when the template holds what a script cannot build (the message says what)
     */
    public void ensureFor(String version) {
        try (Connection connection = Database.connection(dataSource)) {
            if (exists(connection, version)) {
                return;
            }
            long started = System.nanoTime();
            try (PreparedStatement write = connection.prepareStatement("INSERT INTO public.tenant_creation_script"
                    + " (version, statements) VALUES (?, public.tenantry_creation_script(?)) ON CONFLICT DO NOTHING")) {
                write.setString(1, version);
                write.setString(2, SchemaName.TEMPLATE.value());
                write.executeUpdate();
            }
            LOG.info("Wrote the creation script of tenant version " + version + " from the template in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the creation script of tenant version " + version + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Builds {@code schema} by replaying the stored creation script of {@code version}
     * ({@link #ensureFor} wrote it) in the caller's transaction on {@code connection}, as a plain
     * schema even on a Citus cluster ({@link DistributedSchemas#createPlainSchemas}: the caller
     * distributes it when it becomes a tenant). Reads one row and touches only the new schema's
     * objects. Throws SQLException as PostgreSQL refuses (a schema of that name exists: 42P06).
     */
    public static void build(Connection connection, SchemaName schema, String version) throws SQLException {
        DistributedSchemas.createPlainSchemas(connection);
        try (PreparedStatement create = connection.prepareStatement("SELECT public.tenantry_create_schema(?, ?)")) {
            create.setString(1, schema.value());
            create.setString(2, version);
            create.execute();
        }
    }

    private static boolean exists(Connection connection, String version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM public.tenant_creation_script WHERE version = ?")) {
            select.setString(1, version);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
