package io.tenantry.archive;

import java.io.Serializable;
import java.util.List;

import io.tenantry.faces.ReadersClock;
import io.tenantry.faces.Messages;
import io.tenantry.platform.Explained;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Platform administration's page of one tenant's restore points ({@code /admin/restore-points.xhtml?tenant=acme}). */
@Named
@ViewScoped
public class PlatformRestorePointsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    // Named by its time, as the page lists it.
    @Inject
    ReadersClock when;

    @Inject
    PlatformRestorePoints points;

    private String tenant;
    private transient List<RestorePoint> listed;

    /** The tenant's points, newest first; none when the label names no tenant (said as a message). */
    public List<RestorePoint> getPoints() {
        if (listed == null) {
            try {
                listed = points.of(tenant);
            } catch (RuntimeException e) {
                if (!(e instanceof Explained)) {
                    throw e;
                }
                Messages.failure(e);
                listed = List.of();
            }
        }
        return listed;
    }

    public void take() {
        try {
            Messages.info("restore.taken", when.dateTime(points.take(tenant).takenAt()));
        } catch (RuntimeException e) {
            if (!(e instanceof Explained)) {
                throw e;
            }
            Messages.failure(e);
        }
        listed = null;
    }

    /** A size for people, as on the tenant's settings page. */
    public String size(long bytes) {
        return RestorePointsPage.shownSize(bytes);
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }
}
