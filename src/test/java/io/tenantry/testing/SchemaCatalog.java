package io.tenantry.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A schema's shape read from the run's database, to compare two schemas built different ways. */
public final class SchemaCatalog {

    private SchemaCatalog() {
    }

    /**
     * What a schema is made of, a line each: columns (type, nullability, default, identity), constraints,
     * indexes (their schema's name left out, so that two schemas compare), sequences with their state,
     * and its Flyway history (without times and installer).
     */
    public static List<String> of(String schema) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection db = TestDatabase.connect()) {
            for (String query : List.of(
                    "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '"
                            + " || coalesce(column_default, '') || ' ' || is_identity || ' ' || coalesce(identity_generation, '')"
                            + " FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position",
                    "SELECT c.relname || ' ' || con.conname || ' ' || replace(pg_get_constraintdef(con.oid), quote_ident(?) || '.', '')"
                            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                            + " WHERE con.connamespace = to_regnamespace(quote_ident(?))"
                            + " ORDER BY 1",
                    "SELECT replace(pg_get_indexdef(indexrelid), quote_ident(?) || '.', '') FROM pg_index i"
                            + " JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = to_regnamespace(quote_ident(?))"
                            + " ORDER BY 1")) {
                try (PreparedStatement select = bindEvery(db.prepareStatement(query), schema)) {
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            lines.add(rows.getString(1));
                        }
                    }
                }
            }
            lines.addAll(sequences(schema));
            try (ResultSet rows = db.createStatement().executeQuery("SELECT version, description, type, script, checksum,"
                    + " success FROM \"" + schema + "\".flyway_schema_history ORDER BY installed_rank")) {
                while (rows.next()) {
                    lines.add("history " + rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4) + " " + rows.getInt(5) + " " + rows.getBoolean(6));
                }
            }
        }
        return lines;
    }

    /** Each sequence of {@code schema}: its name, type, start, bounds, increment, cache, cycling, value and whether it was handed out. */
    public static List<String> sequences(String schema) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT sequencename, concat_ws(' ', data_type, start_value,"
                     + " min_value, max_value, increment_by, cache_size, cycle) FROM pg_sequences WHERE schemaname = ?"
                     + " ORDER BY sequencename")) {
            select.setString(1, schema);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    try (ResultSet state = db.createStatement().executeQuery("SELECT last_value, is_called FROM \""
                            + schema + "\".\"" + rows.getString(1) + "\"")) {
                        state.next();
                        lines.add("sequence " + rows.getString(1) + " " + rows.getString(2) + " value "
                                + state.getLong(1) + " " + (state.getBoolean(2) ? "called" : "not called"));
                    }
                }
            }
        }
        return lines;
    }

    private static PreparedStatement bindEvery(PreparedStatement select, String value) throws SQLException {
        for (int i = 1; i <= select.getParameterMetaData().getParameterCount(); i++) {
            select.setString(i, value);
        }
        return select;
    }
}
