package io.tenantry.startup;

import java.util.List;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.tenantry.migration.TenantUpgrade;
import io.tenantry.tenancy.UpgradeStates;
import io.tenantry.platform.PlatformStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ready once the shared schema and the template are current. Tenants waiting for or in their
 * upgrade are counted in the data (each is upgraded before a request is served, or answers 503), across all instances; tenants whose
 * upgrade failed are counted and named (the first 20), their reasons being on their 503 pages (for
 * those who administer them: {@code tenancy.UpgradeFailureAudience}), in the log and in platform
 * administration.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    /** Failed tenants named in the data at most, so that the answer stays small. */
    private static final int NAMED = 20;

    @Inject
    PlatformStatus status;

    @Inject
    TenantUpgrade upgrade;

    @Inject
    UpgradeStates upgrades;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tenantry-database")
                .status(status.isReady())
                .withData("state", status.isReady() ? "ready" : status.problem())
                .withData("tenantsUpgraded", upgrade.done());
        if (!status.isReady()) {
            return response.build();
        }
        try {
            UpgradeStates.Summary summary = upgrades.summary();
            List<String> failed = summary.failed();
            return response.withData("tenantsUpgrading", summary.unfinished())
                    .withData("tenantsFailed", failed.size())
                    .withData("tenantsFailedLabels", String.join(", ", failed.subList(0, Math.min(failed.size(), NAMED)))
                            + (failed.size() > NAMED ? ", …" : ""))
                    .build();
        } catch (Exception e) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
            return response.withData("tenantsUpgrading", "unknown: " + e.getMessage()).build();
        }
    }
}
