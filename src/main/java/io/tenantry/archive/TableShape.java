package io.tenantry.archive;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.Reason;
import io.tenantry.platform.StoredYears;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;

/**
 * A tenant table's columns as the database has them (read from the catalog, so it is always the
 * schema's own), and whether an archived row fits them: no column the table lacks, every value of
 * its column's JSON type (a number for a number, never a string the database would cast), no text
 * longer than its column's bound (the check constraint {@code <table>_<column>_length} of the
 * tenant migrations, the one source of each bound), nothing missing that has neither a default nor
 * may be empty.
 */
final class TableShape {

    /** A column; {@code mostChars} is its bound in characters (as PostgreSQL counts them), or null for none. */
    private record Column(String name, String type, boolean nullable, boolean defaulted, Integer mostChars) {
    }

    /** How PostgreSQL prints a bound the tenant migrations add (NOT VALID where old rows break it). */
    private static final Pattern BOUND = Pattern.compile("CHECK \\(\\(char_length\\(.+\\) <= (\\d+)\\)\\)( NOT VALID)?");

    private final ArchivedTable table;
    private final Map<String, Column> columns;

    private TableShape(ArchivedTable table, Map<String, Column> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** The table's shape in the current tenant's schema. */
    static TableShape of(EntityManager em, ArchivedTable table) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT column_name, data_type, is_nullable = 'YES', "
                        + "column_default IS NOT NULL OR is_identity = 'YES' FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")
                .setParameter(1, table.name()).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The tenant has no table " + table.name());
        }
        Map<String, Integer> bounds = bounds(em, table);
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String name = (String) row[0];
            columns.put(name, new Column(name, (String) row[1], (Boolean) row[2], (Boolean) row[3], bounds.get(name)));
        }
        return new TableShape(table, columns);
    }

    /** Each bounded column's most characters, from the table's {@code <table>_<column>_length} constraints. */
    private static Map<String, Integer> bounds(EntityManager em, ArchivedTable table) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.attname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
                        + "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = con.conkey[1] "
                        + "WHERE n.nspname = current_schema() AND c.relname = ? AND con.contype = 'c' "
                        + "AND con.conname = c.relname || '_' || a.attname || '_length'")
                .setParameter(1, table.name()).getResultList();
        Map<String, Integer> bounds = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Matcher bound = BOUND.matcher((String) row[1]);
            if (!bound.matches()) {
                throw new IllegalStateException("The bound of " + table.name() + "." + row[0] + " is not a length: " + row[1]);
            }
            bounds.put((String) row[0], Integer.valueOf(bound.group(1)));
        }
        return bounds;
    }

    /** Refuses, with {@link BrokenRuleException} naming the line and column, a row that does not fit. */
    void check(JsonObject row, int line) {
        for (String key : row.keySet()) {
            if (!columns.containsKey(key)) {
                throw refusal("archive.unknownColumn", line, ArchiveNames.printable(key));
            }
        }
        for (Column column : columns.values()) {
            JsonValue value = row.get(column.name());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                if (!column.nullable() && (value != null || !column.defaulted())) {
                    throw refusal("archive.missingValue", line, column.name());
                }
            } else if (!fits(column.type(), value)) {
                throw refusal("archive.badValue", line, column.name(), Reason.of(typeKey(column.type())));
            } else if (column.mostChars() != null && value instanceof JsonString text) {
                int chars = text.getString().codePointCount(0, text.getString().length());
                if (chars > column.mostChars()) {
                    throw refusal("archive.tooLong", line, column.name(), column.mostChars(), chars);
                }
            }
        }
    }

    /** Inserts a checked row as it is, ids included; columns it leaves out take their defaults. */
    void insert(EntityManager em, JsonObject row) {
        String names = String.join(", ", columns.keySet().stream().filter(row::containsKey).map(n -> '"' + n + '"')
                .toList());
        em.createNativeQuery("INSERT INTO " + table.name() + " (" + names + ") OVERRIDING SYSTEM VALUE SELECT "
                        + names + " FROM json_populate_record(CAST(NULL AS " + table.name() + "), CAST(? AS json))")
                .setParameter(1, row.toString()).executeUpdate();
    }

    BrokenRuleException refusal(String key, int line, Object... details) {
        Object[] arguments = new Object[details.length + 2];
        arguments[0] = table.entry();
        arguments[1] = line;
        System.arraycopy(details, 0, arguments, 2, details.length);
        return BrokenRuleException.onField("archive", key, arguments);
    }

    private static boolean fits(String type, JsonValue value) {
        return switch (type) {
            case "bigint" -> wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case "integer" -> wholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "smallint" -> wholeNumber(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case "text" -> value instanceof JsonString;
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "timestamp with time zone" -> value instanceof JsonString text && parses(() -> StoredYears.hold(OffsetDateTime.parse(text.getString())));
            case "date" -> value instanceof JsonString text && parses(() -> StoredYears.hold(LocalDate.parse(text.getString())));
            default -> throw new IllegalStateException("No archive rule for columns of type " + type);
        };
    }

    private static String typeKey(String type) {
        return switch (type) {
            case "bigint", "integer", "smallint" -> "archive.type.number";
            case "boolean" -> "archive.type.boolean";
            case "timestamp with time zone" -> "archive.type.time";
            case "date" -> "archive.type.date";
            default -> "archive.type.text";
        };
    }

    private static boolean wholeNumber(JsonValue value, long least, long most) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            return false;
        }
        try {
            long exact = number.longValueExact();
            return exact >= least && exact <= most;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** Whether the text parses and its value is one the column keeps (the years of {@link StoredYears}). */
    private static boolean parses(BooleanSupplier parse) {
        try {
            return parse.getAsBoolean();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
