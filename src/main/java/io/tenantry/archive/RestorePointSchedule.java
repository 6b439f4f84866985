package io.tenantry.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tenantry.files.StorageLimitException;
import io.tenantry.platform.RefusedException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantJobs;
import io.tenantry.tenancy.TenantRestores;
import io.tenantry.tenancy.UpgradeState;
import io.tenantry.tenancy.UpgradeStates;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes each tenant's scheduled restore point once a day, from RESTORE_POINTS_AT (UTC) on, and
 * keeps RESTORE_POINTS_KEEP of each tenant's newest. Every instance looks once a minute; a tenant's
 * day is claimed in {@code public.restore_point_day} first, so only one instance takes it. Tenants
 * are taken one after another on one thread, so the fleet is not read all at once; a tenant being
 * upgraded or restored waits for the next look. Runs on the EE managed scheduled executor, as the
 * upgrade sweep and the audit retention do.
 */
@ApplicationScoped
public class RestorePointSchedule {

    private static final Logger LOG = Logger.getLogger(RestorePointSchedule.class.getName());
    private static final long LOOK_EVERY_SECONDS = 60;

    @Inject
    RestorePointSettings settings;

    @Inject
    RestorePointStore store;

    @Inject
    RestorePoints points;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantJobs jobs;

    @Inject
    UpgradeStates upgrades;

    @Inject
    TenantRestores restores;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();

    /** Starts looking once a minute when RESTORE_POINTS_AT is set; returns at once. */
    public void start() {
        if (settings.at().isPresent()) {
            scheduler.scheduleWithFixedDelay(this::look, LOOK_EVERY_SECONDS, LOOK_EVERY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * Takes today's scheduled point of the tenant now, unless an instance took it already (empty):
     * what the schedule does for each tenant, for an operator who cannot wait for RESTORE_POINTS_AT.
     */
    public Optional<RestorePoint> takeDue(Tenant tenant) {
        LocalDate day = LocalDate.now(clock);
        if (!store.claim(tenant, day)) {
            return Optional.empty();
        }
        try {
            return Optional.of(jobs.call(tenant, points::takeScheduled));
        } catch (StorageLimitException full) {
            // The day stays claimed: a tenant at its storage limit is tried once a day, not at every look.
            throw full;
        } catch (RefusedException busy) {
            // The tenant's own point or restore was under way: the day is not lost, the next look retries.
            store.release(tenant, day);
            throw busy;
        }
    }

    /** Today's day, as the schedule counts days (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private void look() {
        LocalTime at = settings.at().orElseThrow();
        if (LocalTime.now(clock).isBefore(at)) {
            return;
        }
        directory.all().stream().sorted(Comparator.comparingLong(Tenant::id)).forEach(this::takeIfDue);
    }

    private void takeIfDue(Tenant tenant) {
        if (tenant.beingDeleted() || restores.isUnderway(tenant)
                || upgrades.of(tenant).phase() != UpgradeState.Phase.CURRENT) {
            return; // the next look takes it, still today
        }
        try {
            takeDue(tenant);
        } catch (Exception e) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
            // One tenant's failure must not end the schedule nor keep the others' points from being taken.
            LOG.log(Level.WARNING, "Could not take the scheduled restore point of " + tenant.label(), e);
        }
    }
}
