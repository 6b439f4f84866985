package io.tenantry.workspace.plans;

import java.util.Map;
import java.util.stream.Stream;

import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.People;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads test plans as views for the API and the pages, inside the tenant's transaction (joining the
 * caller's when there is one). The permission checks are {@link TestPlans}'.
 */
@ApplicationScoped
@Transactional
@TenantData
public class PlanViews {

    @Inject
    TestPlans plans;

    @Inject
    People people;

    /** One page of plans, without their documents. */
    public ResultPage<PlanView> plans(ListQuery query) {
        ResultPage<TestPlan> page = plans.list(query);
        Map<Long, String> names = people.namesIn(page.items(), plan -> Stream.of(plan.authorId()));
        return page.map(plan -> PlanView.of(plan, names));
    }

    /** One plan with its document and its cases' ids; 404 when there is no such plan here. */
    public PlanDetail plan(long id) {
        return people.one(plans.get(id), plan -> Stream.of(plan.authorId()), PlanDetail::of);
    }
}
