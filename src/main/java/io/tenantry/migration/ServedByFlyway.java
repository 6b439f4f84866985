package io.tenantry.migration;

import java.sql.SQLException;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.SchemasServed;

/**
 * A Flyway run on a tenant's schema notes the schema as served by the pooled connection it migrates on
 * ({@link SchemasServed}), before its first migration: a fleet's upgrade gives each connection many
 * schemas' catalog entries, and the pool retires it after DB_CONNECTION_SCHEMAS of them, as it does
 * after serving requests. (A replayed upgrade notes it itself, {@link MigrationReplay}.)
 */
final class ServedByFlyway implements Callback {

    private final SchemaName schema;

    /** @param schema the tenant schema the run migrates */
    ServedByFlyway(SchemaName schema) {
        this.schema = schema;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            SchemasServed.serve(context.getConnection(), schema);
        } catch (SQLException e) {
            throw new FlywayException("Could not note schema " + schema.value() + " as served by its connection: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "schema served";
    }
}
