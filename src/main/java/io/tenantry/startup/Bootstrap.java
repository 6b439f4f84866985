package io.tenantry.startup;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;


import io.tenantry.access.TenantCreation;
import io.tenantry.access.DefaultPlan;
import io.tenantry.access.OwnerQuota;
import io.tenantry.access.TrialPeriod;
import io.tenantry.accounts.PasswordIterations;
import io.tenantry.accounts.SuperUserBootstrap;
import io.tenantry.archive.ArchiveLimits;
import io.tenantry.archive.RestorePointSchedule;
import io.tenantry.archive.RestorePointSettings;
import io.tenantry.files.StorageLimit;
import io.tenantry.audit.AuditPruning;
import io.tenantry.audit.AuditRetention;
import io.tenantry.faces.DisplayTimeZone;
import io.tenantry.migration.SchemaMigrations;
import io.tenantry.migration.TenantUpgrade;
import io.tenantry.platform.Database;
import io.tenantry.platform.MetricsSettings;
import io.tenantry.platform.PlatformStatus;
import io.tenantry.platform.StaleSpools;
import io.tenantry.platform.TrustedProxies;
import io.tenantry.platform.PoolMemoryLimit;
import io.tenantry.platform.UnroutedPool;
import io.tenantry.tenancy.ConnectionLanes;
import io.tenantry.tenancy.LaneConnections;
import io.tenantry.provisioning.InterruptedWork;
import io.tenantry.provisioning.ReadySchemaCount;
import io.tenantry.provisioning.ReadySchemas;
import io.tenantry.provisioning.TenantProvisioning;
import io.tenantry.tenancy.PublicEndpoint;
import io.tenantry.tenancy.TenantChanges;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantsDomain;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Start-up. Missing or invalid settings (TENANTS_DOMAIN, PUBLIC_SCHEME, PUBLIC_PORT,
 * TRUSTED_PROXIES, UPGRADE_RETRY_SECONDS, TENANTS_TRIAL_DAYS, DISPLAY_TIME_ZONE, ARCHIVE_MAX_*, DB_CONNECTION_MEMORY_MB) fail the deployment at once, with a message naming the
 * variable (DB_URL and DB_WAIT_SECONDS are checked before, when the persistence unit opens:
 * {@link io.tenantry.platform.DatabaseAtStart}). The database is then prepared in the background, retried until it answers: public
 * schema, template, super-user, public tenant, directory, what a stopped server left half done
 * ({@link InterruptedWork}); then tenants behind are upgraded. Meanwhile, spool files an earlier run
 * left in the temporary folder are removed ({@link StaleSpools}).
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    private static final long RETRY_MILLIS = 3_000;

    @Inject
    TenantsDomain domain;

    @Inject
    PublicEndpoint endpoint;

    @Inject
    TrustedProxies proxies;

    @Inject
    ArchiveLimits archiveLimits;

    @Inject
    TrialPeriod trialPeriod;

    @Inject
    DefaultPlan defaultPlan;

    @Inject
    OwnerQuota ownerQuota;

    @Inject
    DisplayTimeZone displayTimeZone;

    @Inject
    AuditRetention auditRetention;

    @Inject
    AuditPruning auditPruning;

    @Inject
    RestorePointSettings restorePoints;

    @Inject
    StorageLimit storageLimit;

    @Inject
    PasswordIterations passwordIterations;

    @Inject
    PoolMemoryLimit poolMemoryLimit;

    @Inject
    ConnectionLanes lanes;

    @Inject
    LaneConnections laneConnections;

    @Inject
    RestorePointSchedule restorePointSchedule;

    @Inject
    MetricsSettings metrics;

    @Inject
    SchemaMigrations migrations;

    @Inject
    SuperUserBootstrap superUser;

    @Inject
    TenantChanges changes;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    TenantCreation publicTenant;

    @Inject
    TenantDirectory directory;

    @Inject
    InterruptedWork interruptedWork;

    @Inject
    StaleSpools staleSpools;

    @Inject
    TenantUpgrade upgrade;

    @Inject
    ReadySchemas readySchemas;

    @Inject
    ReadySchemaCount readySchemaCount;

    @Inject
    PlatformStatus status;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource pool;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.info("Tenants are served at <label>." + domain.name() + "; the public tenant at public." + domain.name()
                + "; links use " + endpoint.scheme().orElse("the connection's scheme") + " and "
                + (endpoint.port().isPresent() ? "port " + endpoint.port().getAsInt() : "the listening port")
                + "; trusted proxies: " + proxies + "; " + archiveLimits + "; " + trialPeriod + "; " + defaultPlan + "; " + ownerQuota + "; " + displayTimeZone + "; " + auditRetention + "; " + restorePoints + "; " + storageLimit + "; " + poolMemoryLimit + "; " + laneConnections + "; " + passwordIterations + "; " + readySchemaCount + "; " + metrics
                + "; tenant upgrades " + (migrations.replayOn() ? "replay the template's migrations where they can"
                        : "are Flyway runs (UPGRADE_REPLAY=false)")
                + "; a failed tenant upgrade is tried again after "
                + upgrade.firstRetry().toSeconds() + " s, then twice as long each time");
        executor.submit(staleSpools::sweep);
        executor.submit(this::prepareDatabase);
    }

    private void prepareDatabase() {
        for (int attempt = 1; ; attempt++) {
            try {
                long started = System.nanoTime();
                UnroutedPool.check(pool);
                lanes.check();
                PoolMemoryLimit.warnIfUnreadable(pool);
                migrations.migratePublic();
                String version = migrations.migrateTemplate();
                provisioning.dropAbandonedStagingSchemas();
                long operator = superUser.ensureSuperUser();
                changes.startListening();
                directory.reload();
                publicTenant.ensurePublicTenant(operator);
                interruptedWork.finish();
                status.ready();
                LOG.info("Database ready in " + (System.nanoTime() - started) / 1_000_000 + " ms: tenant schema version "
                        + version + ", " + directory.all().size() + " tenant(s)");
                upgrade.start(version);
                readySchemas.start();
                auditPruning.start();
                restorePointSchedule.start();
                return;
            } catch (Exception e) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
                status.failed("waiting for the database (attempt " + attempt + "): " + e.getMessage());
                // The cause on the line itself: a console that shows only the line still says why.
                LOG.log(attempt == 1 ? Level.SEVERE : Level.WARNING, "Could not prepare the database ("
                        + causeOf(e) + "); retrying in " + RETRY_MILLIS / 1000 + " s", e);
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The failure's own words on one line, at most 300 characters (Flyway's run over several). */
    private static String causeOf(Exception e) {
        String words = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
        return words.length() > 300 ? words.substring(0, 300) + "…" : words;
    }
}
