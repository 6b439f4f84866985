package io.tenantry.archive;

import java.util.List;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.ConflictException;
import io.tenantry.provisioning.UnknownTenantException;
import io.tenantry.tenancy.MasterTenant;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantJobs;
import io.tenantry.tenancy.TenantLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Any tenant's restore points for the platform's operators: super-users on the master host only
 * ({@link io.tenantry.tenancy.NotOnMasterTenantException}, 404, on any other host; 403 to others),
 * checked before the tenant is looked up. A point is taken in the tenant's own context
 * ({@link TenantJobs}), as its owner's would be; restoring stays on the tenant's host.
 */
@ApplicationScoped
public class PlatformRestorePoints {

    @Inject
    MasterTenant master;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantJobs jobs;

    @Inject
    RestorePoints points;

    @Inject
    RestorePointStore store;

    @Inject
    RestorePointSchedule schedule;

    /** The tenant's points, newest first; {@link UnknownTenantException} (404) for a label no tenant has. */
    public List<RestorePoint> of(String label) {
        return store.of(tenant(label));
    }

    /** Takes a point of the tenant now, recorded in its trail under the operator's name. */
    public RestorePoint take(String label) {
        Tenant tenant = tenant(label);
        String operator = caller.require().username();
        return jobs.call(tenant, () -> points.takeForOperator(operator));
    }

    /** Takes the tenant's scheduled point of today now; {@link ConflictException} (409) once an instance took it. */
    public RestorePoint takeScheduled(String label) {
        Tenant tenant = tenant(label);
        return schedule.takeDue(tenant).orElseThrow(
                () -> new ConflictException("restore.scheduledAlready", tenant.name(), schedule.today().toString()));
    }

    /** The tenant of the label, for a super-user on the master host; refusals before anything is read. */
    Tenant tenant(String label) {
        master.requireCurrent();
        caller.requireSuperUser();
        if (label == null || !TenantLabel.isWellFormed(label)) {
            throw new UnknownTenantException(String.valueOf(label));
        }
        return directory.find(new TenantLabel(label)).filter(found -> !found.beingDeleted())
                .orElseThrow(() -> new UnknownTenantException(label));
    }
}
