package io.tenantry.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL statements PostgreSQL ran while a piece of work was done, from pg_stat_statements (which
 * the embedded test database loads; a server named by DB_URL must load it too, with
 * pg_stat_statements.track_planning on). Lets a test count queries, e.g. that a list reads what its
 * items show once per page and not once per item, and how often PostgreSQL planned them.
 */
public final class RanStatements {

    /** How often one statement ran, and how often PostgreSQL planned it. */
    private record Counts(long calls, long plans) {
        Counts plus(Counts other) {
            return new Counts(calls + other.calls, plans + other.plans);
        }
    }

    private final Map<String, Counts> byStatement;

    private RanStatements(Map<String, Counts> byStatement) {
        this.byStatement = byStatement;
    }

    /**
     * Runs the work and collects what the database ran meanwhile: every statement of the run's
     * servers counts, so a class that uses this must run alone ({@code @Isolated}).
     */
    public static RanStatements during(Runnable work) {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            sql.execute("SELECT pg_stat_statements_reset()");
            work.run();
            Map<String, Counts> counts = new HashMap<>();
            try (ResultSet rows = sql.executeQuery("SELECT query, calls, plans FROM pg_stat_statements "
                    + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                while (rows.next()) {
                    counts.merge(rows.getString(1), new Counts(rows.getLong(2), rows.getLong(3)), Counts::plus);
                }
            }
            return new RanStatements(counts);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_stat_statements; the test database must have "
                    + "shared_preload_libraries = 'pg_stat_statements'", e);
        }
    }

    /** How many statements read the table (FROM or JOIN it), in whichever schema. */
    public long reading(String table) {
        return readers(table).calls();
    }

    /** How often PostgreSQL planned the statements that read the table (needs track_planning). */
    public long planned(String table) {
        return readers(table).plans();
    }

    /** The text of each statement that ran containing {@code fragment}, as pg_stat_statements keeps it (its first run's, tag and all). */
    public List<String> texts(String fragment) {
        return byStatement.keySet().stream().filter(text -> text.contains(fragment)).toList();
    }

    private Counts readers(String table) {
        Pattern reads = Pattern.compile("(?i)\\b(FROM|JOIN)\\s+(\\w+\\.)?" + Pattern.quote(table) + "\\b");
        return byStatement.entrySet().stream().filter(entry -> reads.matcher(entry.getKey()).find())
                .map(Map.Entry::getValue).reduce(new Counts(0, 0), Counts::plus);
    }

    @Override
    public String toString() {
        return byStatement.toString();
    }
}
