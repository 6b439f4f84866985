package io.tenantry.startup;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.access.DefaultPlan;
import io.tenantry.access.OwnerQuota;
import io.tenantry.access.TrialPeriod;
import io.tenantry.accounts.PasswordIterations;
import io.tenantry.archive.ArchiveLimits;
import io.tenantry.archive.RestorePointSettings;
import io.tenantry.files.StorageLimit;
import io.tenantry.audit.AuditRetention;
import io.tenantry.faces.DisplayTimeZone;
import io.tenantry.platform.MetricsSettings;
import io.tenantry.platform.PoolMemoryLimit;
import io.tenantry.platform.TrustedProxies;
import io.tenantry.provisioning.ReadySchemaCount;
import io.tenantry.tenancy.LaneConnections;
import io.tenantry.tenancy.PublicEndpoint;
import io.tenantry.tenancy.TenantsDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Turns settings read through MicroProfile Config into checked values. */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = "tenants.domain")
    Optional<String> tenantsDomain;

    @Inject
    @ConfigProperty(name = "public.scheme")
    Optional<String> publicScheme;

    @Inject
    @ConfigProperty(name = "public.port")
    Optional<String> publicPort;

    @Inject
    @ConfigProperty(name = "trusted.proxies")
    Optional<String> trustedProxies;

    @Inject
    @ConfigProperty(name = "archive.max-size-mb")
    Optional<String> archiveMaxSizeMb;

    @Inject
    @ConfigProperty(name = "archive.max-entry-size-mb")
    Optional<String> archiveMaxEntrySizeMb;

    @Inject
    @ConfigProperty(name = "archive.max-expanded-size-mb")
    Optional<String> archiveMaxExpandedSizeMb;

    @Inject
    @ConfigProperty(name = "archive.max-entries")
    Optional<String> archiveMaxEntries;

    @Inject
    @ConfigProperty(name = "tenants.trial-days")
    Optional<String> trialDays;

    @Inject
    @ConfigProperty(name = "display.time-zone")
    Optional<String> displayTimeZone;

    @Inject
    @ConfigProperty(name = "audit.retention-days")
    Optional<String> auditRetentionDays;

    @Inject
    @ConfigProperty(name = "metrics.token")
    Optional<String> metricsToken;

    @Inject
    @ConfigProperty(name = "metrics.tenants")
    Optional<String> metricsTenants;

    @Inject
    @ConfigProperty(name = "tenants.default-plan")
    Optional<String> defaultPlan;

    @Inject
    @ConfigProperty(name = "tenants.per-owner")
    Optional<String> perOwner;

    @Inject
    @ConfigProperty(name = "restore.points.at")
    Optional<String> restorePointsAt;

    @Inject
    @ConfigProperty(name = "restore.points.keep")
    Optional<String> restorePointsKeep;

    @Inject
    @ConfigProperty(name = "restore.points.dir")
    Optional<String> restorePointsDir;

    @Inject
    @ConfigProperty(name = "files.root")
    Optional<String> filesRoot;

    @Inject
    @ConfigProperty(name = "tenant.storage.max-mb")
    Optional<String> storageMaxMb;

    @Inject
    @ConfigProperty(name = "db.connection.memory-mb")
    Optional<String> connectionMemoryMb;

    @Inject
    @ConfigProperty(name = "db.lane.connections")
    Optional<String> laneConnections;

    @Inject
    @ConfigProperty(name = "password.iterations")
    Optional<String> passwordIterations;

    @Inject
    @ConfigProperty(name = "tenants.ready-schemas")
    Optional<String> readySchemas;

    @Inject
    @ConfigProperty(name = "tenant.creation", defaultValue = "anyone")
    String tenantCreation;

    @Produces
    @Singleton
    TenantsDomain tenantsDomain() {
        return TenantsDomain.of(tenantsDomain);
    }

    @Produces
    @Singleton
    PublicEndpoint publicEndpoint() {
        return PublicEndpoint.of(publicScheme, publicPort);
    }

    @Produces
    @Singleton
    MetricsSettings metricsSettings() {
        return MetricsSettings.of(metricsToken, metricsTenants);
    }

    @Produces
    @Singleton
    TrustedProxies trustedProxies() {
        return TrustedProxies.of(trustedProxies);
    }

    @Produces
    @Singleton
    ArchiveLimits archiveLimits() {
        return ArchiveLimits.of(archiveMaxSizeMb, archiveMaxEntrySizeMb, archiveMaxExpandedSizeMb, archiveMaxEntries);
    }

    @Produces
    @Singleton
    StorageLimit storageLimit() {
        return StorageLimit.of(storageMaxMb);
    }

    @Produces
    @Singleton
    PoolMemoryLimit poolMemoryLimit() {
        return PoolMemoryLimit.of(connectionMemoryMb);
    }

    @Produces
    @Singleton
    LaneConnections laneConnections() {
        return LaneConnections.of(laneConnections);
    }

    @Produces
    @Singleton
    PasswordIterations passwordIterations() {
        return PasswordIterations.of(passwordIterations);
    }

    @Produces
    @Singleton
    ReadySchemaCount readySchemaCount() {
        return ReadySchemaCount.of(readySchemas);
    }

    @Produces
    @Singleton
    RestorePointSettings restorePointSettings() {
        return RestorePointSettings.of(restorePointsAt, restorePointsKeep, restorePointsDir, filesRoot);
    }

    @Produces
    @Singleton
    TrialPeriod trialPeriod() {
        return TrialPeriod.of(trialDays);
    }

    @Produces
    @Singleton
    AuditRetention auditRetention() {
        return AuditRetention.of(auditRetentionDays);
    }

    @Produces
    @Singleton
    DefaultPlan defaultPlan() {
        return DefaultPlan.of(defaultPlan);
    }

    @Produces
    @Singleton
    OwnerQuota ownerQuota() {
        return OwnerQuota.of(perOwner, tenantCreation);
    }

    @Produces
    @Singleton
    DisplayTimeZone displayTimeZone() {
        return DisplayTimeZone.of(displayTimeZone);
    }
}
