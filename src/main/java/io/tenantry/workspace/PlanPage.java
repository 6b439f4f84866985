package io.tenantry.workspace;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.faces.ItemIds;
import io.tenantry.faces.Messages;
import io.tenantry.faces.Pages;
import io.tenantry.platform.ListQuery;
import io.tenantry.workspace.Views.BuildView;
import io.tenantry.workspace.Views.CaseView;
import io.tenantry.workspace.Views.PlanDetail;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** One test plan: its document, its cases, and starting a run of it. */
@Named
@ViewScoped
public class PlanPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WorkspaceViews views;

    @Inject
    TestPlans plans;

    @Inject
    TestRuns runs;

    @Inject
    TenantAccess access;

    private String idParam;
    private long id;
    private PlanDetail plan;
    private List<CaseView> cases;
    private List<CaseView> candidates;
    private List<BuildView> builds;
    private String name;
    private String document;
    private boolean active;
    // Mutable: Faces fills a select-many's list by making one of the list's own class.
    private List<Long> toAdd = new ArrayList<>();
    private String runSummary;
    private Long buildId;

    /** Shows the item the address names; an id that names none (malformed, out of range, unknown) is refused: 404. */
    public void load() {
        id = ItemIds.required(idParam, "plan");
        plan = views.plan(id);
        name = plan.name();
        document = plan.document();
        active = plan.active();
        cases = views.cases(ListQuery.all(Map.of("plan", String.valueOf(id)))).items();
        Set<Long> inPlan = Set.copyOf(plan.caseIds());
        candidates = views.cases(ListQuery.all(Map.of("product", String.valueOf(plan.productId())))).items().stream()
                .filter(c -> !inPlan.contains(c.id())).toList();
        builds = views.builds(plan.productId()).stream().filter(BuildView::active).toList();
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

    public void startRun() throws IOException {
        Pages.createThenOpen(() -> runs.add(new TestRuns.Input(id, buildId, runSummary, null, null, null, null)).id(),
                "/run.xhtml");
    }

    public boolean isMayChange() {
        return access.permits(Permission.PLAN_CHANGE);
    }

    public boolean isMayRun() {
        return access.permits(Permission.RUN_ADD);
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

    public List<BuildView> getBuilds() {
        return builds;
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

    public String getRunSummary() {
        return runSummary;
    }

    public void setRunSummary(String runSummary) {
        this.runSummary = runSummary;
    }

    public Long getBuildId() {
        return buildId;
    }

    public void setBuildId(Long buildId) {
        this.buildId = buildId;
    }
}
