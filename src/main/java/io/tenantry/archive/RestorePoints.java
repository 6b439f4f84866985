package io.tenantry.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.platform.ConflictException;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantRequests;
import io.tenantry.tenancy.TenantRestores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The current tenant's restore points: listed and taken by hand by whoever may export it
 * ({@link Permission#TENANT_EXPORT}), restored by its owner or a super-user only (as an import,
 * since the archive decides who works there with which rights). A point is the archive
 * {@link TenantExport} writes, streamed to a file and moved into place ({@link RestorePointStore});
 * a restore replaces the tenant's data and files with it ({@link TenantImport#replaceFrom}), all or
 * nothing, after taking a point of what it replaces. Points are found only among the current
 * tenant's, so another tenant's id is a 404 like an id that does not exist.
 */
@ApplicationScoped
public class RestorePoints {

    /** How long a restore waits for the tenant's requests already running to end. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    @Inject
    TenantContext context;

    @Inject
    TenantExport export;

    @Inject
    TenantImport imports;

    @Inject
    RestorePointStore store;

    @Inject
    RestorePointFolder folder;

    @Inject
    RestorePointSettings settings;

    @Inject
    TenantRestores restores;

    @Inject
    RestorePointWork work;

    @Inject
    TenantRequests requests;

    @Inject
    Event<Audited> audited;

    /** The current tenant's points, newest first. */
    @Requires(Permission.TENANT_EXPORT)
    public List<RestorePoint> list() {
        return store.of(context.tenant());
    }

    /** One of the current tenant's points; {@link NoSuchItemException} (404) when it has none of that id. */
    @Requires(Permission.TENANT_EXPORT)
    public RestorePoint get(long id) {
        return store.find(context.tenant(), id).orElseThrow(() -> new NoSuchItemException("restorePoint", id));
    }

    /**
     * Takes a point of the current tenant now (recorded in its trail), and keeps only RESTORE_POINTS_KEEP of
     * the newest taken by hand. Refuses a tenant that took {@link RestorePointStore#MANUAL_PER_HOUR} by hand
     * in the last hour (429), one whose point is being taken or restored (409), and any while the server
     * is at {@link RestorePointWork#AT_ONCE} (429).
     */
    @Requires(Permission.TENANT_EXPORT)
    public RestorePoint takeNow() {
        store.requireRoomForManual(context.tenant());
        return takeManual(Audited::kept);
    }

    /**
     * Takes a manual point for an operator acting from the master host, who was checked there
     * (a super-user); recorded in the tenant's trail under their name.
     */
    RestorePoint takeForOperator(String username) {
        return takeManual(entry -> entry.by(username));
    }

    private RestorePoint takeManual(java.util.function.UnaryOperator<Audited> who) {
        Tenant tenant = context.tenant();
        try (RestorePointWork.Slot slot = work.begin(tenant)) {
            RestorePoint point = take(RestorePoint.MANUAL);
            audited.fire(who.apply(Audited.in(tenant, "tenant.restore-point", tenant.label().value())
                    .after(Map.of("id", point.id(), "takenAt", point.takenAt().toString(), "bytes", point.sizeBytes()))));
            prune(tenant, RestorePoint.MANUAL);
            return point;
        }
    }

    /** Keeps the tenant's RESTORE_POINTS_KEEP newest points of this reason, recording those removed. */
    private void prune(Tenant tenant, String reason) {
        for (long removed : store.prune(tenant, reason, settings.keep())) {
            audited.fire(Audited.in(tenant, "tenant.restore-point-removed", tenant.label().value()).kept()
                    .before(Map.of("id", removed, "reason", reason)));
        }
    }

    /**
     * Restores the current tenant to the point of this id: {@link NoSuchItemException} (404) when
     * the tenant has no such point; refuses anyone but the owner or a super-user (403); a restore
     * of the tenant already under way here is a {@link ConflictException} (409), and so is a tenant
     * whose requests do not end within {@link #DRAIN}. While it runs, the tenant's other requests
     * answer 503 on this instance. A point that is damaged or whose file is missing is refused (400)
     * and changes nothing;
     * the point taken of the state before stays either way.
     *
     * @param ownRequests how many of the tenant's requests are the caller's own (1 on its host)
     */
    @Requires(Permission.TENANT_EXPORT)
    public TenantImport.Outcome restore(long id, int ownRequests) {
        Tenant tenant = context.tenant();
        RestorePoint point = store.find(tenant, id).orElseThrow(() -> new NoSuchItemException("restorePoint", id));
        imports.requireRestorable();
        try (TenantRestores.Underway underway = restores.begin(tenant.label())
                .orElseThrow(() -> new ConflictException("restore.underway", tenant.name()))) {
            if (!requests.awaitAtMost(tenant.label(), ownRequests, DRAIN)) {
                throw new ConflictException("restore.busy", tenant.name(), DRAIN.toSeconds());
            }
            // The shared slot only once the tenant's requests ended: a tenant holding one open must not
            // keep other tenants' points waiting through the drain (hostile-owner review).
            try (RestorePointWork.Slot slot = work.begin(tenant)) {
                return restoreFrom(tenant, point);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before restoring " + tenant.label(), e);
        }
    }

    private TenantImport.Outcome restoreFrom(Tenant tenant, RestorePoint point) {
        Path file = store.fileOf(tenant, point.id()).filter(Files::isRegularFile).orElse(null);
        if (file == null) {
            throw SpooledArchive.unreadable("the restore point's file is missing");
        }
        take(RestorePoint.BEFORE_RESTORE);
        try (SpooledArchive archive = SpooledArchive.ofPoint(file)) {
            return imports.replaceFrom(archive, point.takenAt());
        } catch (Exception refused) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
            // An attempt, not a change: kept although the restore's transaction rolled back.
            audited.fire(Audited.in(tenant, "tenant.restore-failed", tenant.label().value()).kept()
                    .after(Map.of("id", point.id(), "pointTakenAt", point.takenAt().toString())));
            throw refused;
        } finally {
            // Failed restores too: each took a whole copy first.
            prune(tenant, RestorePoint.BEFORE_RESTORE);
        }
    }

    /** Takes the day's scheduled point of the current tenant and prunes (the schedule's, as the system). */
    RestorePoint takeScheduled() {
        try (RestorePointWork.Slot slot = work.awaitFor(context.tenant())) {
            RestorePoint point = take(RestorePoint.SCHEDULED);
            prune(context.tenant(), RestorePoint.SCHEDULED);
            return point;
        }
    }

    /** Streams the current tenant's archive to a new partial file and records it as a point. */
    private RestorePoint take(String reason) {
        Tenant tenant = context.tenant();
        Path part = folder.newPart(tenant.id());
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024)) {
                export.writePointTo(out);
            }
            return store.record(tenant, part, reason, TenantExport.FORMAT, tenant.schemaVersion());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a restore point of " + tenant.label(), e);
        } finally {
            folder.delete(part);
        }
    }
}
