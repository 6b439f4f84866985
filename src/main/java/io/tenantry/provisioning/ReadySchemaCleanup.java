package io.tenantry.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.tenantry.migration.SchemaMigrations;
import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Drops the ready schemas ({@link ReadySchemas}) that no creation will take: those of a version
 * behind the template's (at every refill: during a rolling upgrade, instances still at the older
 * version may have built them before the newer version's creation script was written), and at
 * start-up also those no longer listed (a creation script
 * written again, when {@code R__tenantry_clone_schema} changes, deletes its schemas' rows) and those
 * beyond {@link ReadySchemaCount} (the setting lowered, or 0). Each schema goes with its row in a
 * transaction of its own; a row a creation holds is skipped (that creation takes it).
 */
@ApplicationScoped
public class ReadySchemaCleanup {

    private static final Logger LOG = Logger.getLogger(ReadySchemaCleanup.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SchemaMigrations migrations;

    @Inject
    ReadySchemaCount wanted;

    /**
     * Drops the unlisted ready schemas, those behind the template's version, and those beyond the
     * setting; removes the listings whose schema is gone.
     */
    void atStart() throws SQLException {
        dropUnlisted();
        try (Connection connection = Database.connection(dataSource); Statement unlist = connection.createStatement()) {
            // A row whose schema was dropped by hand: creations pass it over, and nothing else would remove it.
            int rows = unlist.executeUpdate("DELETE FROM public.ready_schema WHERE to_regnamespace(schema_name) IS NULL");
            if (rows > 0) {
                LOG.info("Removed " + rows + " ready schema listing(s) whose schema was gone");
            }
        }
        dropBehind();
        List<String> beyond = listed("SELECT schema_name FROM public.ready_schema WHERE version = ? ORDER BY built_at"
                + " OFFSET ?", migrations.tenantVersion(), wanted.count());
        drop(beyond, "beyond TENANTS_READY_SCHEMAS=" + wanted.count());
    }

    /** Drops the ready schemas of versions behind the template's: no creation of this code takes them. */
    void dropBehind() throws SQLException {
        for (String version : listed("SELECT DISTINCT version FROM public.ready_schema")) {
            if (migrations.isBehind(version)) {
                drop(listed("SELECT schema_name FROM public.ready_schema WHERE version = ?", version),
                        "behind version " + migrations.tenantVersion());
            }
        }
    }

    /**
     * A schema named as ready and listed nowhere is taken by no creation. Names and listings are read in
     * one statement, so a schema built meanwhile (with its row, in one transaction) is seen whole or not at all.
     */
    private void dropUnlisted() throws SQLException {
        List<String> unlisted = listed("SELECT n.nspname FROM pg_namespace n WHERE starts_with(n.nspname, ?)"
                + " AND NOT EXISTS (SELECT 1 FROM public.ready_schema r WHERE r.schema_name = n.nspname)",
                ReadySchemas.PREFIX);
        for (String name : unlisted) {
            Database.inLocalTransaction(dataSource, connection -> dropSchema(connection, new SchemaName(name)));
        }
        if (!unlisted.isEmpty()) {
            LOG.info("Dropped " + unlisted.size() + " ready tenant schema(s) no longer listed");
        }
    }

    private void drop(List<String> names, String why) throws SQLException {
        int dropped = 0;
        for (String name : names) {
            SchemaName schema = new SchemaName(name);
            boolean unlisted = Database.inLocalTransaction(dataSource, connection -> {
                try (PreparedStatement unlist = connection.prepareStatement(
                        "DELETE FROM public.ready_schema WHERE schema_name = ?")) {
                    unlist.setString(1, schema.value());
                    // 0: taken meanwhile, by a creation on an instance at that version
                    return unlist.executeUpdate() == 1 && dropSchema(connection, schema);
                }
            });
            dropped += unlisted ? 1 : 0;
        }
        if (dropped > 0) {
            LOG.info("Dropped " + dropped + " ready tenant schema(s) " + why);
        }
    }

    private static boolean dropSchema(Connection connection, SchemaName schema) throws SQLException {
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS " + schema.quoted() + " CASCADE");
            return true;
        }
    }

    /** The first column of the rows {@code sql} selects with {@code parameters}. */
    private List<String> listed(String sql, Object... parameters) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = Database.connection(dataSource); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
