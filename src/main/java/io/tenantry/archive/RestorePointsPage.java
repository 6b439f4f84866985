package io.tenantry.archive;

import java.io.Serializable;
import java.util.List;

import io.tenantry.faces.ReadersClock;
import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.access.TenantSettings;
import io.tenantry.faces.Messages;
import io.tenantry.platform.Explained;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The settings page's restore points: the list with time, size and reason, "take one now", and "restore". */
@Named
@ViewScoped
public class RestorePointsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    // Named by its time, as the page lists it.
    @Inject
    ReadersClock when;

    @Inject
    RestorePoints points;

    @Inject
    TenantAccess access;

    @Inject
    TenantSettings settings;

    private transient List<RestorePoint> listed;

    public boolean isMayTake() {
        return access.permits(Permission.TENANT_EXPORT);
    }

    /** Whether the reader may restore: the owner or a super-user, as for an import. */
    public boolean isMayRestore() {
        return settings.mayDecideAsOwner();
    }

    /** The tenant's points, newest first, read once per view (and again after each action). */
    public List<RestorePoint> getPoints() {
        if (listed == null) {
            listed = points.list();
        }
        return listed;
    }

    /** A size for people: kilobytes, with one decimal, as PostgreSQL and file managers count them (1024). */
    public String size(long bytes) {
        return shownSize(bytes);
    }

    static String shownSize(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    public void take() {
        act(() -> {
            RestorePoint point = points.takeNow();
            Messages.info("restore.taken", when.dateTime(point.takenAt()));
        });
    }

    public void restore(long number) {
        act(() -> {
            TenantImport.Outcome outcome = points.restore(number);
            Messages.info("restore.done", outcome.rows().values().stream().mapToInt(Integer::intValue).sum(),
                    outcome.files());
        });
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            if (!(e instanceof Explained)) {
                throw e;
            }
            Messages.failure(e);
        }
        listed = null;
    }
}
