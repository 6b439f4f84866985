package io.tenantry.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tenantry.tenancy.SchemaName;

/**
 * Brings a tenant schema to the template's version by replaying, in one transaction, the SQL
 * migrations the template has applied and the tenant lacks, and recording each in the tenant's
 * Flyway history as Flyway would (same version, description, type, script and checksum, read from
 * the template's history; installed by the current user, with its execution time), so that Flyway
 * finds the tenant current and valid afterwards. A fleet upgrade then costs each tenant about its
 * migrations' own work: a Flyway run adds its set-up, validation, lock and history round trips,
 * several times the migration itself (bench/README.md, "Creating tenants and upgrading the fleet").
 *
 * <p>Only the plain case is replayed; anything else is left to a Flyway run of the tenant
 * ({@link #apply} answers empty): a tenant history that is not, row for row, the start of the
 * template's (so Flyway's validation would have something to say), a failed row, a pending migration
 * that is not a SQL file read by {@link MigrationFiles}, or whose text holds placeholders
 * ({@code ${…}}), Flyway script settings, a statement PostgreSQL runs only outside a transaction, or
 * a change of session settings. A replay that fails is rolled back whole and the tenant left to Flyway
 * ({@code SchemaMigrations.upgrade}), whose own run then says what failed.
 */
final class MigrationReplay {

    /**
     * Left to Flyway: placeholders and script settings; what Flyway 13 runs outside a transaction
     * ({@code CREATE/DROP DATABASE|TABLESPACE|SUBSCRIPTION}, {@code ALTER SYSTEM}, {@code … CONCURRENTLY},
     * {@code REINDEX}, {@code VACUUM}, {@code DISCARD}, {@code ALTER TYPE … ADD VALUE}, {@code COPY … FROM STDIN});
     * and any line that begins with {@code SET} or {@code RESET}, or a {@code set_config}, which could
     * change the role or search_path of the migrations after it, or of the pooled connection (Flyway
     * resets both between migrations; an {@code UPDATE} whose {@code SET} starts a line goes to Flyway too).
     */
    private static final Pattern NOT_REPLAYED = Pattern.compile("(?ism)\\$\\{|flyway:|\\bconcurrently\\b|\\bvacuum\\b"
            + "|\\balter\\s+system\\b|\\b(create|drop)\\s+(database|tablespace|subscription)\\b|\\badd\\s+value\\b"
            + "|\\breindex\\b|\\bdiscard\\b|\\bfrom\\s+stdin\\b|^\\s*(set|reset)\\b|\\bset_config\\b|;\\s*(set|reset)\\b");
    /** Flyway's PostgreSQL advisory lock on a history table: this number plus the hash of the table's quoted name. */
    private static final long FLYWAY_LOCK = 77_431_708_279_161L;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** One row of a Flyway history table, as far as validation compares it. */
    record Applied(String version, String description, String type, String script, Integer checksum, boolean success) {

        boolean sameAs(Applied other) {
            return Objects.equals(version, other.version) && description.equals(other.description)
                    && type.equals(other.type) && script.equals(other.script)
                    && Objects.equals(checksum, other.checksum) && success == other.success;
        }
    }

    private final List<Applied> template;
    private final MigrationFiles files;

    private MigrationReplay(List<Applied> template, MigrationFiles files) {
        this.template = template;
        this.files = files;
    }

    /**
     * The template's history read on {@code connection}, with the files its SQL rows name; empty when
     * the location holds anything but versioned SQL migrations (a repeatable migration, a callback or
     * a script's settings, which Flyway runs in ways a replay would not): every tenant goes to Flyway.
     */
    static Optional<MigrationReplay> of(Connection connection, SchemaName templateSchema, MigrationFiles files) throws SQLException {
        if (!files.onlyVersionedSql()) {
            return Optional.empty();
        }
        if (!historyExists(connection, templateSchema)) {
            throw new IllegalStateException("The template " + templateSchema + " has no Flyway history");
        }
        return Optional.of(new MigrationReplay(history(connection, templateSchema), files));
    }

    /**
     * In the caller's transaction on {@code connection}: the tenant's history locked against other
     * writers, the missing migrations run in {@code schema} and recorded. Gives the version the schema
     * is at afterwards (unchanged when nothing was missing), or why the tenant is left to Flyway, having
     * changed nothing. Throws SQLException, naming the script, as a migration fails: the caller rolls back.
     */
    Outcome apply(Connection connection, SchemaName schema) throws SQLException {
        if (!historyExists(connection, schema)) {
            return Outcome.leftToFlyway("no Flyway history");
        }
        String history = historyOf(schema);
        try (PreparedStatement flywaysLock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)");
             Statement lock = connection.createStatement()) {
            // Flyway's own lock (Flyway 13.12, PostgreSQLAdvisoryLockTemplate; the table named as its
            // Table.toString() names it): a Flyway run on this schema waits for this transaction, or this
            // one for it (MigrationReplayIT); the table lock keeps another replay out.
            flywaysLock.setLong(1, FLYWAY_LOCK + history.hashCode());
            flywaysLock.execute();
            lock.execute("LOCK TABLE " + history + " IN SHARE ROW EXCLUSIVE MODE");
        }
        List<Applied> applied = history(connection, schema);
        if (applied.isEmpty() || applied.size() > template.size()) {
            return Outcome.leftToFlyway("its history holds " + applied.size() + " row(s), the template's " + template.size());
        }
        for (int i = 0; i < applied.size(); i++) {
            if (!applied.get(i).sameAs(template.get(i))) {
                return Outcome.leftToFlyway("its history differs from the template's at " + applied.get(i).script());
            }
        }
        List<Applied> pending = template.subList(applied.size(), template.size());
        List<String> texts = new ArrayList<>();
        for (Applied migration : pending) {
            // The template's history may name a file no longer here, or (repeatable, no version) run by
            // Flyway after the versioned ones rather than in the history's order.
            Optional<String> text = "SQL".equals(migration.type()) && migration.version() != null
                    ? files.text(migration.script()) : Optional.empty();
            if (text.isEmpty()) {
                return Outcome.leftToFlyway(migration.script() + " is not a versioned SQL migration here");
            }
            if (NOT_REPLAYED.matcher(text.get()).find()) {
                return Outcome.leftToFlyway(migration.script() + " holds what only Flyway runs (a placeholder, a"
                        + " statement outside transactions or a change of session settings)");
            }
            texts.add(text.get().startsWith(BYTE_ORDER_MARK) ? text.get().substring(1) : text.get());
        }
        if (pending.isEmpty()) {
            String version = applied.get(applied.size() - 1).version();
            return version == null ? Outcome.leftToFlyway("its last migration has no version") : Outcome.replayed(version);
        }
        for (int i = 0; i < pending.size(); i++) {
            long started = System.nanoTime();
            try (Statement migration = connection.createStatement()) {
                migration.execute("SET LOCAL search_path = " + schema.quoted());
                migration.execute(texts.get(i));
            } catch (SQLException e) {
                throw new SQLException("Migration " + pending.get(i).script() + " failed: " + e.getMessage(), e.getSQLState(), e);
            }
            record(connection, schema, pending.get(i), (int) ((System.nanoTime() - started) / 1_000_000));
        }
        return Outcome.replayed(pending.get(pending.size() - 1).version());
    }

    /** What {@link #apply} did: the version a replay brought the schema to, or why it left the schema to Flyway. */
    record Outcome(String version, String leftToFlywayBecause) {

        static Outcome replayed(String version) {
            return new Outcome(version, null);
        }

        static Outcome leftToFlyway(String because) {
            return new Outcome(null, because);
        }

        boolean replayed() {
            return version != null;
        }
    }

    /** The schema's Flyway history table, both names quoted as Flyway quotes them. */
    private static String historyOf(SchemaName schema) {
        return schema.quoted() + ".\"flyway_schema_history\"";
    }

    private static void record(Connection connection, SchemaName schema, Applied migration, int millis) throws SQLException {
        String history = historyOf(schema);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + history + " (installed_rank, version,"
                + " description, type, script, checksum, installed_by, execution_time, success) SELECT"
                + " coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, current_user, ?, true FROM " + history)) {
            insert.setString(1, migration.version());
            insert.setString(2, migration.description());
            insert.setString(3, migration.type());
            insert.setString(4, migration.script());
            insert.setObject(5, migration.checksum());
            insert.setInt(6, millis);
            insert.executeUpdate();
        }
    }

    private static boolean historyExists(Connection connection, SchemaName schema) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            select.setString(1, historyOf(schema));
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static List<Applied> history(Connection connection, SchemaName schema) throws SQLException {
        List<Applied> rows = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT version, description, type, script, checksum, success FROM "
                     + historyOf(schema) + " ORDER BY installed_rank")) {
            while (row.next()) {
                rows.add(new Applied(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        (Integer) row.getObject(5), row.getBoolean(6)));
            }
        }
        return rows;
    }
}
