package io.tenantry.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.files.StorageLimitException;
import io.tenantry.files.TenantStorage;
import io.tenantry.platform.ConflictException;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
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
 * nothing, after taking a point of what it replaces. Points are known by their number in the tenant's
 * own count ({@link RestorePoint#id()}) and found only among the current tenant's, so a number only
 * another tenant has is a 404 like one nobody has. Audit entries name a point by that number too.
 */
@ApplicationScoped
public class RestorePoints {

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
    RestoresByHand restoresByHand;

    @Inject
    TenantStorage storage;

    @Inject
    Event<Audited> audited;

    /** A point just taken, and what its archive holds. */
    private record TakenPoint(RestorePoint point, TenantExport.Written written) {
    }

    /** The current tenant's points, newest first. */
    @Requires(Permission.TENANT_EXPORT)
    public List<RestorePoint> list() {
        return store.of(context.tenant());
    }

    /** The current tenant's point of this number; {@link NoSuchItemException} (404) when it has none of that number. */
    @Requires(Permission.TENANT_EXPORT)
    public RestorePoint get(long number) {
        return store.find(context.tenant(), number).orElseThrow(() -> new NoSuchItemException("restorePoint", number));
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
            RestorePoint point = take(RestorePoint.MANUAL).point();
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
     * Restores the current tenant to its point of this number: {@link NoSuchItemException} (404) when
     * the tenant has no such point; refuses anyone but the owner or a super-user (403); a restore
     * of the tenant already under way on any instance is a {@link ConflictException} (409), and so is a
     * tenant whose transactions do not end within {@link TenantRestores#DRAIN}; a tenant restored
     * {@link RestoresByHand#PER_HOUR} times this hour, or whose turn for a slot did not come within
     * {@link RestorePointWork#WAIT}, is refused with 429 (Retry-After). While it runs, the
     * tenant answers 503 on every instance ({@link TenantRestores}); requests still being received
     * (a slow upload) do not hold it back, they are refused when they come to write. A point that is
     * damaged or whose file is missing is refused (400) and changes nothing; the point taken of the
     * state before stays either way.
     */
    @Requires(Permission.TENANT_EXPORT)
    public TenantImport.Outcome restore(long number) {
        Tenant tenant = context.tenant();
        RestorePoint point = store.find(tenant, number).orElseThrow(() -> new NoSuchItemException("restorePoint", number));
        imports.requireRestorable();
        restoresByHand.require(tenant);
        // The slot first, then the restore: a restore waiting for its turn holds no connection and its tenant
        // is still served (a hostile-owner review: each restore queued for a slot held a connection beyond the
        // pool, and its tenant answered 503). A tenant holding a transaction open keeps the slot through the
        // drain, at most DRAIN, and at most three times an hour (RestoresByHand).
        try (RestorePointWork.Slot slot = work.begin(tenant);
             TenantRestores.Underway underway = restores.begin(tenant)
                     .orElseThrow(() -> new ConflictException("restore.underway", tenant.name()))) {
            restoresByHand.began(tenant);
            return restoreFrom(tenant, point);
        }
    }

    private TenantImport.Outcome restoreFrom(Tenant tenant, RestorePoint point) {
        Path file = store.fileOf(tenant, point.id()).filter(Files::isRegularFile).orElse(null);
        if (file == null) {
            throw SpooledArchive.unreadable("the restore point's file is missing");
        }
        TakenPoint before = take(RestorePoint.BEFORE_RESTORE);
        audited.fire(Audited.in(tenant, "tenant.restore-point", tenant.label().value()).kept()
                .after(Map.of("id", before.point().id(), "takenAt", before.point().takenAt().toString(),
                        "bytes", before.point().sizeBytes(), "reason", RestorePoint.BEFORE_RESTORE,
                        "rows", before.written().rows(), "files", before.written().files())));
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
            RestorePoint point = take(RestorePoint.SCHEDULED).point();
            prune(context.tenant(), RestorePoint.SCHEDULED);
            return point;
        }
    }

    /**
     * Streams the current tenant's archive to a new partial file and records it as a point. A point
     * taken by hand or on schedule counts against the tenant's storage limit: refused at the limit
     * ({@link StorageLimitException}, 507), cut off and removed once it would pass it. A restore's point
     * of the state it replaces is not: refusing it would keep a tenant at its limit from being restored,
     * and those points are bounded by RESTORE_POINTS_KEEP.
     */
    private TakenPoint take(String reason) {
        Tenant tenant = context.tenant();
        boolean limited = !RestorePoint.BEFORE_RESTORE.equals(reason);
        long room = limited ? storage.roomFor(tenant, 0) : Long.MAX_VALUE;
        Path part = folder.newPart(tenant.id());
        try {
            TenantExport.Written written;
            try (OutputStream out = new BufferedOutputStream(storage.within(tenant, room, Files.newOutputStream(part)),
                    64 * 1024)) {
                written = export.writePointTo(out);
            }
            return new TakenPoint(store.record(tenant, part, reason, TenantExport.FORMAT, tenant.schemaVersion()), written);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a restore point of " + tenant.label(), e);
        } finally {
            folder.delete(part);
        }
    }
}
