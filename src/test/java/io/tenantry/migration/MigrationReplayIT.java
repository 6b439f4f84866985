package io.tenantry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.tenancy.SchemaName;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SchemaCatalog;
import io.tenantry.testing.TestDatabase;

/**
 * A tenant behind the template, brought up by replaying the template's migrations: the same schema
 * and history as a Flyway run makes, which Flyway then finds current and valid; a history that is not
 * the template's is left to Flyway untouched, and a migration that fails leaves the tenant as it was.
 * On the run's PostgreSQL, with schemas of this class's own, and Flyway as the server configures it;
 * after the run's shared server has migrated {@code public}, which the early migrations refer to.
 */
class MigrationReplayIT extends DeployedTenantry {

    private static final String LOCATION = "classpath:db/migration/tenant";
    /** From the first migration on: the replay runs every kind of statement the migrations hold (DO blocks, keys into public). */
    private static final String BEHIND = "1";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SchemaName template = new SchemaName("replay_template_" + suffix);
    private final SchemaName byFlyway = new SchemaName("replay_flyway_" + suffix);
    private final SchemaName replayed = new SchemaName("replay_replayed_" + suffix);
    private final MigrationFiles files = MigrationFiles.at(getClass().getClassLoader(), LOCATION);
    private String latest;

    @BeforeEach
    void aTemplateAndTwoTenantsBehindIt() throws SQLException {
        // Plain schemas, as the template and a tenant being built are on a Citus cluster (CoordinatorSchemas):
        // the early migrations' keys into public.account are refused in a distributed schema.
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            DistributedSchemas.createPlainSchemas(db);
            for (SchemaName schema : List.of(template, byFlyway, replayed)) {
                statement.execute("CREATE SCHEMA " + schema.quoted());
            }
            db.commit();
        }
        latest = flyway(template, null).migrate().targetSchemaVersion;
        flyway(byFlyway, BEHIND).migrate();
        flyway(replayed, BEHIND).migrate();
    }

    @AfterEach
    void dropThem() throws SQLException {
        for (SchemaName schema : List.of(template, byFlyway, replayed)) {
            execute("DROP SCHEMA IF EXISTS " + schema.quoted() + " CASCADE");
        }
    }

    @Test
    void aTenantBehindIsReplayedToWhatFlywayMakesAndFlywayFindsItCurrentAndValid() throws SQLException {
        assertEquals(Optional.of(latest), replay(replayed));
        MigrateResult flywayRun = flyway(byFlyway, null).migrate();
        assertTrue(flywayRun.migrationsExecuted > 0, "the reference was behind too");

        assertEquals(SchemaCatalog.of(byFlyway.value()), SchemaCatalog.of(replayed.value()));
        assertEquals(rowsOf(byFlyway), rowsOf(replayed), "the migrations' rows (the seed, the permissions) too");
        flyway(replayed, null).validate();
        MigrateResult afterReplay = flyway(replayed, null).migrate();
        assertEquals(0, afterReplay.migrationsExecuted, "Flyway finds the replayed tenant current");
        assertEquals(Optional.of(latest), replay(replayed), "a current tenant is left as it is");
        assertEquals(SchemaCatalog.of(byFlyway.value()), SchemaCatalog.of(replayed.value()));
    }

    @Test
    void aHistoryThatIsNotTheTemplatesIsLeftToFlywayUntouched() throws SQLException {
        execute("UPDATE " + replayed.quoted() + ".flyway_schema_history SET checksum = checksum + 1 WHERE version = '"
                + BEHIND + "'");
        List<String> before = SchemaCatalog.of(replayed.value());
        assertEquals(Optional.empty(), replay(replayed));
        assertEquals(before, SchemaCatalog.of(replayed.value()));
    }

    @Test
    void aMigrationThatFailsLeavesTheTenantAsItWas() throws SQLException {
        // Migration 3 creates test_plan: there already, the replay fails after migration 2 ran.
        execute("CREATE TABLE " + replayed.quoted() + ".test_plan (id int)");
        List<String> before = SchemaCatalog.of(replayed.value());
        SQLException failed = assertThrows(SQLException.class, () -> replay(replayed));
        assertTrue(failed.getMessage().contains("V3__test_management.sql") && failed.getMessage().contains("test_plan"),
                failed.getMessage());
        assertEquals(before, SchemaCatalog.of(replayed.value()));
        assertFalse(SchemaCatalog.of(replayed.value()).stream().anyMatch(line -> line.startsWith("history " + latest + " ")));
    }

    /**
     * A Flyway run on the tenant while a replay's transaction is open waits for it (Flyway's own lock),
     * then finds the tenant current; without that lock it would start the same migrations meanwhile.
     */
    @Test
    void aFlywayRunDuringAReplayWaitsForItThenFindsTheTenantCurrent() throws Exception {
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            lockAccounts(db);
            assertEquals(latest, MigrationReplay.of(db, template, files).orElseThrow().apply(db, replayed).version());
            CompletableFuture<MigrateResult> flywayRun = CompletableFuture.supplyAsync(() -> {
                try {
                    return flyway(replayed, null).migrate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(2_000);
            assertFalse(flywayRun.isDone(), "Flyway ran while the replay's transaction was open: " + flywayRun);
            db.commit();
            assertEquals(0, flywayRun.get(60, TimeUnit.SECONDS).migrationsExecuted);
        }
        flyway(byFlyway, null).migrate();
        assertEquals(SchemaCatalog.of(byFlyway.value()), SchemaCatalog.of(replayed.value()));
    }

    /** Every table's rows but the history's, as text, sorted: what the migrations wrote. */
    private static List<String> rowsOf(SchemaName schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            // From pg_catalog, the schema's own relations only: information_schema checks privileges on every
            // relation of the database, and can meet one another class is dropping ("could not open relation").
            try (ResultSet names = statement.executeQuery("SELECT relname FROM pg_class WHERE relnamespace = "
                    + "to_regnamespace(quote_ident('" + schema.value() + "')) AND relkind IN ('r', 'p', 'v')"
                    + " AND relname <> 'flyway_schema_history' ORDER BY 1")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet all = statement.executeQuery("SELECT coalesce(string_agg(t::text, ',' ORDER BY t::text), '')"
                        + " FROM " + schema.quoted() + ".\"" + table + "\" t")) {
                    all.next();
                    rows.add(table + " " + all.getString(1));
                }
            }
        }
        return rows;
    }

    /**
     * Replayed from V1, the migrations add keys into public.account and V6_3 drops them, in one
     * transaction: its locks on account, taken step by step, deadlocked with another class's writes of
     * accounts (seen in the WildFly part of .ci/run, in both tests that replay). Taken whole first,
     * others wait. A real fleet replays from 6.3 on, after those migrations.
     */
    private static void lockAccounts(Connection db) throws SQLException {
        try (Statement lock = db.createStatement()) {
            lock.execute("LOCK TABLE public.account IN ACCESS EXCLUSIVE MODE");
        }
    }

    private Optional<String> replay(SchemaName schema) throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try {
                lockAccounts(db);
                MigrationReplay.Outcome outcome = MigrationReplay.of(db, template, files).orElseThrow().apply(db, schema);
                db.commit();
                return Optional.ofNullable(outcome.version());
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    /** Flyway as {@code SchemaMigrations} configures it for a tenant schema; up to {@code target} when given. */
    private Flyway flyway(SchemaName schema, String target) throws SQLException {
        var configuration = Flyway.configure(getClass().getClassLoader()).resourceProvider(files)
                .javaMigrationClassProvider(files).dataSource(TestDatabase.dataSource()).schemas(schema.value())
                .defaultSchema(schema.value()).createSchemas(false).locations(LOCATION);
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
