package io.tenantry.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL statements PostgreSQL ran while a piece of work was done, from pg_stat_statements (which
 * the embedded test database loads; a server named by DB_URL must load it too). Lets a test count
 * queries, e.g. that a list reads what its items show once per page and not once per item.
 */
public final class RanStatements {

    private final Map<String, Long> callsByStatement;

    private RanStatements(Map<String, Long> callsByStatement) {
        this.callsByStatement = callsByStatement;
    }

    /** Runs the work alone against the database (the tests run one at a time) and collects what it ran. */
    public static RanStatements during(Runnable work) {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            sql.execute("SELECT pg_stat_statements_reset()");
            work.run();
            Map<String, Long> calls = new HashMap<>();
            try (ResultSet rows = sql.executeQuery("SELECT query, calls FROM pg_stat_statements "
                    + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                while (rows.next()) {
                    calls.merge(rows.getString(1), rows.getLong(2), Long::sum);
                }
            }
            return new RanStatements(calls);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_stat_statements; the test database must have "
                    + "shared_preload_libraries = 'pg_stat_statements'", e);
        }
    }

    /** How many statements read the table (FROM or JOIN it), in whichever schema. */
    public long reading(String table) {
        Pattern reads = Pattern.compile("(?i)\\b(FROM|JOIN)\\s+(\\w+\\.)?" + Pattern.quote(table) + "\\b");
        return callsByStatement.entrySet().stream().filter(entry -> reads.matcher(entry.getKey()).find())
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public String toString() {
        return callsByStatement.toString();
    }
}
