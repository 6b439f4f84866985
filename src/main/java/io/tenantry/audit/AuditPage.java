package io.tenantry.audit;

import java.io.Serializable;
import java.util.List;

import io.tenantry.faces.Messages;
import io.tenantry.faces.NewestFirst;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The audit trail pages: {@code /audit.xhtml}, this tenant's trail (its owner and Administrators),
 * and {@code /admin/audit.xhtml}, the platform's (super-users on the master host, as every admin page). Newest first, 50 at a time with Older/Newer,
 * filtered by action, who and days (and, on the platform's, tenant); the export links carry the same filters.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditLog log;

    @Inject
    transient AuditRetention retention;

    private final NewestFirst window = new NewestFirst(50);
    private boolean platform;
    private String action;
    private String actor;
    private String from;
    private String to;
    private String tenant;
    // The filters applied, as typed (checked when applied); the rows are read again after a restore.
    private String[] applied = {"", "", "", "", ""};
    private transient List<AuditEntry> entries;

    @PostConstruct
    void init() {
        platform = FacesContext.getCurrentInstance().getViewRoot().getViewId().startsWith("/admin/");
    }

    public List<AuditEntry> getEntries() {
        if (entries == null) {
            AuditFilter filter = filter();
            entries = window.shown(isPlatform() ? log.ofPlatform(filter, window.window())
                    : log.ofTenant(filter, window.window()));
        }
        return entries;
    }

    /** Shows the entries the fields ask for, newest first; a malformed date is said, nothing else changes. */
    public void apply() {
        try {
            AuditFilter.fromFields(action, actor, from, to, tenant, platform);
        } catch (IllegalArgumentException refused) {
            Messages.failure(refused);
            return;
        }
        applied = new String[] {action, actor, from, to, tenant};
        window.newest();
        entries = null;
    }

    public void reset() {
        action = null;
        actor = null;
        from = null;
        to = null;
        tenant = null;
        apply();
    }

    public void older() {
        window.older();
        entries = null;
    }

    public void newer() {
        window.newer();
        entries = null;
    }

    public NewestFirst getWindow() {
        return window;
    }

    public boolean isPlatform() {
        return platform;
    }

    /** Where the export of the entries shown goes, without its extension: the filters as its query follow it. */
    public String getExportPath() {
        return isPlatform() ? "/api/audit/platform/export" : "/api/audit/export";
    }

    /** The filters applied, as a query string (after {@code ?}), for the export links. */
    public String getExportQuery() {
        String query = filter().query();
        return query.isEmpty() ? "" : query.substring(1);
    }

    private AuditFilter filter() {
        return AuditFilter.fromFields(applied[0], applied[1], applied[2], applied[3], applied[4], platform);
    }

    public int getRetentionDays() {
        return retention.days();
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }
}
