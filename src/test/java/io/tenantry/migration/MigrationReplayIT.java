package io.tenantry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    private static final String BEHIND = "6.1";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final SchemaName template = new SchemaName("replay_template_" + suffix);
    private final SchemaName byFlyway = new SchemaName("replay_flyway_" + suffix);
    private final SchemaName replayed = new SchemaName("replay_replayed_" + suffix);
    private final MigrationFiles files = MigrationFiles.at(getClass().getClassLoader(), LOCATION);
    private String latest;

    @BeforeEach
    void aTemplateAndTwoTenantsBehindIt() throws SQLException {
        for (SchemaName schema : List.of(template, byFlyway, replayed)) {
            execute("CREATE SCHEMA " + schema.quoted());
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
        // The migration after 6.1 writes into group_permission: gone, it fails half way through the replay.
        execute("ALTER TABLE " + replayed.quoted() + ".group_permission RENAME TO group_permission_elsewhere");
        List<String> before = SchemaCatalog.of(replayed.value());
        SQLException failed = assertThrows(SQLException.class, () -> replay(replayed));
        assertTrue(failed.getMessage().contains("group_permission"), failed.getMessage());
        assertEquals(before, SchemaCatalog.of(replayed.value()));
        assertFalse(SchemaCatalog.of(replayed.value()).stream().anyMatch(line -> line.startsWith("history " + latest + " ")));
    }

    private Optional<String> replay(SchemaName schema) throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try {
                Optional<String> version = MigrationReplay.of(db, template, files).apply(db, schema);
                db.commit();
                return version;
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
