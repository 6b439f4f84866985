package io.tenantry.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.tenantry.tenancy.SchemaName;

/**
 * Tenant schemas on a Citus cluster sharding by schema ({@code citus.enable_schema_based_sharding}
 * on): each is made a distributed schema, placed whole on one worker, once it is built. Citus turns
 * the tables of a distributed schema into its tenant tables only when they are created by a
 * top-level statement; a schema built inside a function ({@code public.tenantry_create_schema}) or
 * from the first migration on (whose early versions add keys into {@code public}) is built as a plain
 * schema and distributed afterwards, with its rows. On a database without Citus, or with
 * schema-based sharding off, {@link #shardsBySchema} is false and nothing here runs.
 */
public final class DistributedSchemas {

    private DistributedSchemas() {
    }

    /** Whether the database {@code connection} is on places new tenant schemas on Citus workers. */
    public static boolean shardsBySchema(Connection connection) throws SQLException {
        try (PreparedStatement sharding = connection.prepareStatement("SELECT to_regproc('citus_schema_distribute') IS NOT NULL"
                + " AND current_setting('citus.enable_schema_based_sharding', true) = 'on'");
             ResultSet row = sharding.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /**
     * Until the caller's transaction ends, schemas it creates are plain ones, whatever
     * {@code citus.enable_schema_based_sharding} says (without Citus the setting is an unused placeholder).
     */
    public static void createPlainSchemas(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL citus.enable_schema_based_sharding = off");
        }
    }

    /**
     * Makes {@code schema}, built as a plain schema, a distributed one in the caller's transaction on
     * {@code connection} (Citus must be there: {@link #shardsBySchema}): its tables and rows go to the
     * worker Citus picks, and the coordinator's copies of the rows are removed. Throws SQLException as
     * Citus refuses (e.g. a foreign key out of the schema).
     */
    public static void distribute(Connection connection, SchemaName schema) throws SQLException {
        try (PreparedStatement distribute = connection.prepareStatement("SELECT citus_schema_distribute(?::regnamespace)")) {
            distribute.setString(1, schema.quoted());
            distribute.execute();
        }
        // Distributing leaves the rows on the coordinator's disk, invisible: a few pages per tenant.
        try (PreparedStatement truncate = connection.prepareStatement("SELECT truncate_local_data_after_distributing_table(c.oid)"
                + " FROM pg_class c WHERE c.relnamespace = ?::regnamespace AND c.relkind = 'r'")) {
            truncate.setString(1, schema.quoted());
            truncate.execute();
        }
    }
}
