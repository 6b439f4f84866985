package io.tenantry.workspace.plans;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.faces.ItemIds;
import io.tenantry.faces.Messages;
import io.tenantry.platform.ListQuery;
import io.tenantry.workspace.cases.CaseView;
import io.tenantry.workspace.cases.CaseViews;
import io.tenantry.workspace.runs.RunStart;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** One test plan: its document and its cases (starting a run of it is {@link RunStart}'s). */
@Named
@ViewScoped
public class PlanPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlanViews planViews;

    @Inject
    CaseViews caseViews;

    @Inject
    TestPlans plans;

    @Inject
    TenantAccess access;

    private String idParam;
    private long id;
    private PlanDetail plan;
    private List<CaseView> cases;
    private List<CaseView> candidates;
    private String name;
    private String document;
    private boolean active;
    // Mutable: Faces fills a select-many's list by making one of the list's own class.
    private List<Long> toAdd = new ArrayList<>();

    /** Shows the item the address names; an id that names none (malformed, out of range, unknown) is refused: 404. */
    public void load() {
        id = ItemIds.required(idParam, "plan");
        plan = planViews.plan(id);
        name = plan.name();
        document = plan.document();
        active = plan.active();
        cases = caseViews.cases(ListQuery.all(Map.of("plan", String.valueOf(id)))).items();
        Set<Long> inPlan = Set.copyOf(plan.caseIds());
        candidates = caseViews.cases(ListQuery.all(Map.of("product", String.valueOf(plan.productId())))).items().stream()
                .filter(c -> !inPlan.contains(c.id())).toList();
    }

    public void save() {
        try {
            plans.change(id, new TestPlans.Input(null, plan.versionId(), name, document, active));
            load();
            Messages.info("plan.saved");
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void addCases() {
        try {
            plans.addCases(id, toAdd);
            toAdd = new ArrayList<>();
            load();
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void removeCase(long caseId) {
        plans.removeCase(id, caseId);
        load();
    }

    public boolean isMayChange() {
        return access.permits(Permission.PLAN_CHANGE);
    }

    public PlanDetail getPlan() {
        return plan;
    }

    public List<CaseView> getCases() {
        return cases;
    }

    public List<CaseView> getCandidates() {
        return candidates;
    }

    /** The id as the address gives it, read by {@link #load}. */
    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDocument() {
        return document;
    }

    public void setDocument(String document) {
        this.document = document;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<Long> getToAdd() {
        return toAdd;
    }

    public void setToAdd(List<Long> toAdd) {
        this.toAdd = toAdd;
    }
}
