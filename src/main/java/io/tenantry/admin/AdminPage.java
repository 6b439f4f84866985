package io.tenantry.admin;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import io.tenantry.provisioning.TenantBusyException;
import io.tenantry.faces.EditedInstant;
import io.tenantry.faces.Messages;
import io.tenantry.platform.ConflictException;
import io.tenantry.access.PlanInput;
import io.tenantry.access.Subscription;
import io.tenantry.access.SubscriptionPlan;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Platform administration on the master tenant: every tenant, plans, announcements. */
@Named
@ViewScoped
public class AdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TenantCatalog catalog;

    @Inject
    transient PlatformModels models;

    private final LazyDataModel<TenantCatalog.Row> tenants = new TenantRows();
    private String deleting;
    private String typedLabel;
    private String paidUntilLabel;
    private Instant paidUntilBefore;
    private LocalDateTime paidUntil;
    private String tenantPlan;
    private Integer renewMonths = 12;
    private String planName;
    private String planDescription;
    private Integer planPriceCents;
    private String planCurrency = "EUR";
    private Integer planMaxMembers;
    private String announcement;
    private Announcement.Severity severity = Announcement.Severity.INFO;

    /** Tenants a page at a time, as the table asks for them. */
    private class TenantRows extends LazyDataModel<TenantCatalog.Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return catalog.count(globalFilter(filterBy), subscription(filterBy));
        }

        @Override
        public List<TenantCatalog.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            return catalog.page(first, pageSize, sort == null ? "label" : sort.getField(),
                    sort == null || sort.getOrder() != SortOrder.DESCENDING, globalFilter(filterBy),
                    subscription(filterBy));
        }

        @Override
        public String getRowKey(TenantCatalog.Row row) {
            return row.label();
        }

        private String globalFilter(Map<String, FilterMeta> filterBy) {
            FilterMeta global = filterBy.get(FilterMeta.GLOBAL_FILTER_KEY);
            return global == null || global.getFilterValue() == null ? "" : global.getFilterValue().toString();
        }

        /** The subscription column's filter: one of {@link Subscription}'s ids, or none. */
        private Optional<Subscription> subscription(Map<String, FilterMeta> filterBy) {
            FilterMeta chosen = filterBy.get("subscription");
            Object value = chosen == null ? null : chosen.getFilterValue();
            return Arrays.stream(Subscription.values()).filter(s -> value != null && s.id().equals(value.toString()))
                    .findFirst();
        }
    }

    public void askToDelete(String label) {
        deleting = label;
        typedLabel = null;
    }

    public void delete() {
        try {
            catalog.delete(deleting, typedLabel);
            Messages.info("admin.deleted", deleting);
            deleting = null;
        } catch (IllegalArgumentException | TenantBusyException e) {
            Messages.failure(e);
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** Opens the editor on the row's instant, shown as the table shows it (UTC, to the minute). */
    public void editPaidUntil(TenantCatalog.Row row) {
        paidUntilLabel = row.label();
        paidUntilBefore = row.paidUntil() == null ? null : row.paidUntil().toInstant();
        paidUntil = EditedInstant.shown(Optional.ofNullable(paidUntilBefore));
        tenantPlan = catalog.planOf(row.label());
    }

    /** Moves the tenant the editor is open on to the plan chosen. */
    public void savePlan() {
        catalog.changePlan(paidUntilLabel, tenantPlan);
        Messages.info("admin.planSaved", paidUntilLabel);
    }

    /** Records a payment of the months typed for the tenant the editor is open on. */
    public void renew() {
        try {
            catalog.renew(paidUntilLabel, renewMonths == null ? 0 : renewMonths);
            Messages.info("admin.renewed", paidUntilLabel);
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public String getTenantPlan() {
        return tenantPlan;
    }

    public void setTenantPlan(String tenantPlan) {
        this.tenantPlan = tenantPlan;
    }

    public Integer getRenewMonths() {
        return renewMonths;
    }

    public void setRenewMonths(Integer renewMonths) {
        this.renewMonths = renewMonths;
    }

    /** Saves the editor: unchanged keeps the instant it opened on, emptied clears it. */
    public void savePaidUntil() {
        catalog.changePaidUntil(paidUntilLabel,
                EditedInstant.saved(Optional.ofNullable(paidUntilBefore), paidUntil).orElse(null));
        Messages.info("admin.paidUntilSaved", paidUntilLabel);
    }

    /** Has a failed tenant upgrade tried again at once. */
    public void retryUpgrade(String label) {
        catalog.retryUpgrade(label);
        Messages.info("admin.upgradeRetried", label);
    }

    /** The choices of the subscription column's filter. */
    public List<Subscription> getSubscriptions() {
        return List.of(Subscription.values());
    }

    public List<SubscriptionPlan> getPlans() {
        return models.plans();
    }

    public void addPlan() {
        try {
            models.addPlan(new PlanInput(planName, planDescription,
                    planPriceCents == null ? -1 : planPriceCents, planCurrency, planMaxMembers));
            planName = null;
            planDescription = null;
            planPriceCents = null;
            planMaxMembers = null;
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void removePlan(long id) {
        try {
            models.removePlan(id);
        } catch (ConflictException e) {
            Messages.failure(e);
        }
    }

    public List<Announcement> getAnnouncements() {
        return models.announcements();
    }

    public void announce() {
        try {
            models.announce(announcement, severity, null);
            announcement = null;
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void endAnnouncement(long id) {
        models.endAnnouncement(id);
    }

    public Announcement.Severity[] getSeverities() {
        return Announcement.Severity.values();
    }

    public LazyDataModel<TenantCatalog.Row> getTenants() {
        return tenants;
    }

    public String getDeleting() {
        return deleting;
    }

    public String getTypedLabel() {
        return typedLabel;
    }

    public void setTypedLabel(String typedLabel) {
        this.typedLabel = typedLabel;
    }

    public String getPaidUntilLabel() {
        return paidUntilLabel;
    }

    public LocalDateTime getPaidUntil() {
        return paidUntil;
    }

    public void setPaidUntil(LocalDateTime paidUntil) {
        this.paidUntil = paidUntil;
    }

    public String getPlanName() {
        return planName;
    }

    public void setPlanName(String planName) {
        this.planName = planName;
    }

    public String getPlanDescription() {
        return planDescription;
    }

    public void setPlanDescription(String planDescription) {
        this.planDescription = planDescription;
    }

    public Integer getPlanPriceCents() {
        return planPriceCents;
    }

    public void setPlanPriceCents(Integer planPriceCents) {
        this.planPriceCents = planPriceCents;
    }

    public String getPlanCurrency() {
        return planCurrency;
    }

    public void setPlanCurrency(String planCurrency) {
        this.planCurrency = planCurrency;
    }

    public Integer getPlanMaxMembers() {
        return planMaxMembers;
    }

    public void setPlanMaxMembers(Integer planMaxMembers) {
        this.planMaxMembers = planMaxMembers;
    }

    public String getAnnouncement() {
        return announcement;
    }

    public void setAnnouncement(String announcement) {
        this.announcement = announcement;
    }

    public Announcement.Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Announcement.Severity severity) {
        this.severity = severity;
    }
}
