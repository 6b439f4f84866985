package io.tenantry.workspace.runs;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.faces.Pages;
import io.tenantry.workspace.plans.PlanPage;
import io.tenantry.workspace.products.BuildView;
import io.tenantry.workspace.products.ProductViews;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Starting a run of the test plan on the plan's page: a summary and one of the product's active
 * builds. Runs know plans, plans do not know runs, so the plan's page asks this bean.
 */
@Named
@ViewScoped
public class RunStart implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlanPage planPage;

    @Inject
    ProductViews productViews;

    @Inject
    TestRuns runs;

    @Inject
    TenantAccess access;

    private String summary;
    private Long buildId;
    private List<BuildView> builds;

    /** Starts the run and opens it; refusals as {@link TestRuns#add}. */
    public void start() throws IOException {
        Pages.createThenOpen(() -> runs.add(new TestRuns.Input(planPage.getPlan().id(), buildId, summary, null, null,
                null, null)).id(), "/run.xhtml");
    }

    public boolean isMayRun() {
        return access.permits(Permission.RUN_ADD);
    }

    /** The active builds of the plan's product, read once per view. */
    public List<BuildView> getBuilds() {
        if (builds == null) {
            builds = productViews.builds(planPage.getPlan().productId()).stream().filter(BuildView::active).toList();
        }
        return builds;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Long getBuildId() {
        return buildId;
    }

    public void setBuildId(Long buildId) {
        this.buildId = buildId;
    }
}
