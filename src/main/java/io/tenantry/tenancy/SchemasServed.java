package io.tenantry.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.tenantry.platform.WholeNumberSetting;

/**
 * DB_CONNECTION_SCHEMAS: how many distinct tenant schemas a pooled connection may serve before the
 * pool retires it (issue 18, bounded database memory). A PostgreSQL backend keeps the catalog entries
 * and plans of every schema it touched, about 100 KB each, until it ends, and a backend holding
 * thousands of schemas' entries is slow as well as large (bench/README.md, "Retiring connections by
 * the schemas they served"). Every place that points a pooled connection at a tenant's schema notes
 * it in the connection's backend ({@link #SERVE}, {@code public.tenantry_serve_schema}): the route of
 * a tenant's transaction ({@link SchemaRouting}), a restore's hold-off ({@link TenantRestores#holdOff}),
 * a schema's creation and each tenant's upgrade ({@code migration}). Past the limit the backend marks
 * itself, and the pool's validation ({@code pool.PooledConnectionCheck}) refuses it the next time it
 * asks, within {@code ASKED_ONE_IN} (16) handouts. Connections serving no more tenants than the limit
 * keep their plans whatever their age.
 *
 * @param most the number of schemas a connection may serve, from {@value #LEAST} to {@value #MOST}
 */
public record SchemasServed(int most) {

    /** The setting's MicroProfile Config name (environment: DB_CONNECTION_SCHEMAS). */
    public static final String PROPERTY = "db.connection.schemas";
    /**
     * The limit unless set: about 20 MB of catalog entries and plans a connection over the read path's
     * tables (bench/README.md, where it was chosen).
     */
    static final int DEFAULT = 200;
    static final int LEAST = 1;
    static final int MOST = 1_000_000;
    /**
     * Notes a schema (its unquoted name) in the backend and gives the number the backend has served, 0
     * when it had served it already; the second parameter is the limit. One expression, so that it can
     * join a statement already sent (the route of a transaction: no round trip of its own).
     */
    static final String SERVE = "public.tenantry_serve_schema(?, ?)";

    private static volatile SchemasServed configured;

    /** The checked setting; an {@link IllegalStateException} naming the variable when it is wrong. */
    public static SchemasServed of(Optional<String> schemas) {
        return new SchemasServed((int) WholeNumberSetting.of("DB_CONNECTION_SCHEMAS", schemas, "schemas", LEAST, MOST,
                DEFAULT, 500));
    }

    /**
     * The application's setting, read once through MicroProfile Config: the callers are EclipseLink's
     * listeners and static helpers, not CDI beans. The deployment has already failed on a wrong value
     * (startup.Settings checks it first).
     */
    static SchemasServed configured() {
        SchemasServed read = configured;
        if (read == null) {
            read = of(ConfigProvider.getConfig(SchemasServed.class.getClassLoader()).getOptionalValue(PROPERTY, String.class));
            configured = read;
        }
        return read;
    }

    /**
     * Notes that {@code connection} now serves {@code schema}, in one statement of its own; for work that
     * has no statement of its own to join it to.
     *
     * @param connection a pooled connection (its session setting outlives the transaction, unless that rolls back)
     * @throws SQLException when the database cannot be asked
     */
    public static void serve(Connection connection, SchemaName schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + SERVE)) {
            bind(statement, 1, schema);
            statement.executeQuery().close();
        }
    }

    /** Binds {@link #SERVE}'s two parameters, from {@code index} on. */
    static void bind(PreparedStatement statement, int index, SchemaName schema) throws SQLException {
        statement.setString(index, schema.value());
        statement.setInt(index + 1, configured().most());
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "pooled connections retired after " + most + " tenant schemas";
    }
}
