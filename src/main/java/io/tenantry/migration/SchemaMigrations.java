package io.tenantry.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.TenantSchemaVersion;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Brings schemas up to date: Flyway runs {@code db/migration/public} on the shared schema and
 * {@code db/migration/tenant} on the template; a tenant schema is brought up to the template by a
 * replay of the template's migrations ({@link MigrationReplay}) where it can be, otherwise by a
 * Flyway run of its own. Flyway's own advisory lock (which the replay takes too) keeps two instances
 * that migrate the same schema at once from treading on each other.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private static final String PUBLIC = "classpath:db/migration/public";
    private static final String TENANT = "classpath:db/migration/tenant";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    TenantSchemaVersion tenantVersion;

    /** The tenant migrations, found and read at the first tenant migrated: the same for every tenant. */
    private volatile MigrationFiles tenantMigrations;

    /** The template's migrations as tenants replay them; known once the template is migrated, null when off. */
    private volatile MigrationReplay replay;
    /** Whether the template was last migrated on a Citus cluster sharding by schema, where upgrades are Flyway runs. */
    private volatile boolean onCitus;

    @Inject
    @ConfigProperty(name = "upgrade.replay", defaultValue = "true")
    String replaySetting;

    @Inject
    CreationScripts creationScripts;

    @Inject
    CoordinatorSchemas coordinatorSchemas;

    public void migratePublic() {
        flyway("public", PUBLIC).migrate();
    }

    /**
     * Brings the template up to the newest tenant migration, creating it on first boot, and makes sure
     * the creation script of that version is stored ({@link CreationScripts}).
     */
    public String migrateTemplate() {
        coordinatorSchemas.create(SchemaName.TEMPLATE, true);
        String version = migrate(SchemaName.TEMPLATE);
        creationScripts.ensureFor(version);
        replay = null;
        onCitus = false;
        if (replayOn()) {
            try (Connection connection = Database.connection(dataSource)) {
                // Citus sends a distributed schema's DDL to its worker as the statement's whole query
                // string: a replayed script of several statements failed there (bench/citus/run.sh), where
                // Flyway, sending one statement at a time, succeeds.
                onCitus = DistributedSchemas.shardsBySchema(connection);
                replay = onCitus ? null : MigrationReplay.of(connection, SchemaName.TEMPLATE, tenantMigrations()).orElse(null);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the template's migration history: " + e.getMessage(), e);
            }
            if (onCitus) {
                LOG.info("Tenant upgrades are Flyway runs: on a Citus cluster sharding by schema, a tenant's DDL"
                        + " reaches its worker one statement at a time, as Flyway sends it");
            } else if (replay == null) {
                LOG.warning("Tenant upgrades are Flyway runs: db/migration/tenant holds files other than versioned SQL"
                        + " migrations (V<version>__<description>.sql), which a replay would not run as Flyway does");
            }
        }
        tenantVersion.set(version);
        return version;
    }

    /**
     * Brings a tenant's schema up to the template: by replaying the template's missing SQL migrations
     * in one transaction when the tenant's history is the start of the template's ({@link MigrationReplay}),
     * otherwise, or when the replay fails (rolled back whole), by a Flyway run ({@link #migrate}), whose
     * exception says what failed; nothing of a failed migration is kept. Gives the version and how.
     */
    public Upgraded upgrade(SchemaName schema) {
        MigrationReplay known = replay;
        String why = !replayOn() ? "UPGRADE_REPLAY=false" : onCitus ? "on a Citus cluster" : "no replay of these migrations";
        if (known != null) {
            try {
                MigrationReplay.Outcome outcome = Database.inLocalTransaction(dataSource, connection -> known.apply(connection, schema));
                if (outcome.replayed()) {
                    return new Upgraded(outcome.version(), "replayed");
                }
                why = outcome.leftToFlywayBecause();
            } catch (SQLException e) {
                why = "its replay failed and was rolled back";
                LOG.warning("Replaying the migrations of schema " + schema + " failed (" + e.getMessage() + "); Flyway runs them");
            }
        }
        return new Upgraded(migrate(schema), "by Flyway: " + why);
    }

    /** A tenant schema brought up to date: the version it is at, and how ("replayed", or "by Flyway: " and why). */
    public record Upgraded(String version, String how) {
    }

    /**
     * UPGRADE_REPLAY: whether tenant upgrades replay the template's migrations (true unless set) or are
     * each a Flyway run (false). IllegalStateException naming the variable when it is neither.
     */
    public boolean replayOn() {
        return replayOn(replaySetting);
    }

    static boolean replayOn(String setting) {
        String value = setting.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return value.equals("true");
        }
        throw new IllegalStateException("UPGRADE_REPLAY is '" + setting + "', not true or false. Set it, for example"
                + " UPGRADE_REPLAY=false to have every tenant upgraded by a Flyway run of its own, or leave it unset.");
    }

    /**
     * Migrates an existing schema by a Flyway run, always, and returns the version it is at. One Flyway
     * run, without a second one ({@code info()}) to read the version back: a tenant left to Flyway pays
     * one run.
     */
    public String migrate(SchemaName schema) {
        MigrateResult result = flyway(schema.value(), TENANT).migrate();
        String version = result.migrationsExecuted > 0 ? result.targetSchemaVersion : result.initialSchemaVersion;
        if (version == null) {
            throw new IllegalStateException("Flyway left schema " + schema + " without a version");
        }
        return version;
    }

    /** The version every tenant schema must be at to be served; known once the template is migrated. */
    public String tenantVersion() {
        return tenantVersion.value();
    }

    /**
     * Whether a schema at {@code version} (as Flyway writes it) is behind the template, by Flyway's
     * order of versions ("6.10" is after "6.9"); IllegalStateException before the template is migrated.
     */
    public boolean isBehind(String version) {
        return MigrationVersion.fromVersion(version).compareTo(MigrationVersion.fromVersion(tenantVersion())) < 0;
    }

    /** Creates {@code schema} for the migrations to build from the first one ({@link CoordinatorSchemas}). */
    public void createForMigrations(SchemaName schema) {
        coordinatorSchemas.create(schema, false);
    }

    public void execute(String sql) {
        try (Connection connection = Database.connection(dataSource); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + sql, e);
        }
    }

    public List<String> schemasStartingWith(String prefix) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, ?) ORDER BY nspname")) {
            select.setString(1, prefix);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list schemas", e);
        }
    }

    private MigrationFiles tenantMigrations() {
        MigrationFiles files = tenantMigrations;
        if (files == null) {
            files = MigrationFiles.at(getClass().getClassLoader(), TENANT);
            tenantMigrations = files; // read twice at worst, by two first runs at once: the same files
        }
        return files;
    }

    private Flyway flyway(String schema, String location) {
        FluentConfiguration configuration = Flyway.configure(getClass().getClassLoader());
        if (location.equals(TENANT)) {
            configuration.resourceProvider(tenantMigrations()).javaMigrationClassProvider(tenantMigrations());
        }
        return configuration
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .locations(location)
                .load();
    }
}
