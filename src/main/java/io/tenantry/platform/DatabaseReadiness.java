package io.tenantry.platform;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.tenantry.migration.TenantUpgrade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ready once the shared schema and the template are current. Tenants still being upgraded are
 * counted in the data (each answers 503 until done); so are tenants whose upgrade failed.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    PlatformStatus status;

    @Inject
    TenantUpgrade upgrade;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("tenantry-database")
                .status(status.isReady())
                .withData("state", status.isReady() ? "ready" : status.problem())
                .withData("tenantsUpgrading", upgrade.pending())
                .withData("tenantsUpgraded", upgrade.done())
                .withData("tenantsFailed", upgrade.failures().size())
                .build();
    }
}
