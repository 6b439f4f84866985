package io.tenantry.workspace.plans;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.ListQuery;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.InputRules;
import io.tenantry.workspace.Listing;
import io.tenantry.workspace.WorkspaceItemsRemoved;
import io.tenantry.workspace.cases.TestCase;
import io.tenantry.workspace.products.Product;
import io.tenantry.workspace.products.ProductCatalog;
import io.tenantry.workspace.products.ProductVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The current tenant's test plans, their documents and the cases they hold. */
@ApplicationScoped
@Transactional
@TenantData
public class TestPlans {

    /** What a plan is made of, as given by a form or the API. */
    @Schema(name = "PlanInput")
    public record Input(Long productId, Long versionId, String name, String document, Boolean active) {
    }

    private static final Listing<TestPlan> LISTING = new Listing<>(TestPlan.class, "p", "id")
            .sort("id", "id").sort("name", "name").sort("createdAt", "createdAt")
            .filter("product", "p.product.id = :value", Long::valueOf)
            .filter("active", "p.active = :value", Boolean::valueOf)
            .containing("name", "name").readWith("product", "version");

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    Event<WorkspaceItemsRemoved> removed;

    @Inject
    CurrentCaller caller;

    @Inject
    ProductCatalog products;

    @Requires(Permission.PLAN_VIEW)
    public ResultPage<TestPlan> list(ListQuery query) {
        return LISTING.run(em, query);
    }

    /** The plan with its document (one to one) and product, in one query. */
    @Requires(Permission.PLAN_VIEW)
    public TestPlan get(long id) {
        List<TestPlan> found = em.createQuery("SELECT p FROM TestPlan p JOIN FETCH p.document JOIN FETCH p.product "
                + "LEFT JOIN FETCH p.version WHERE p.id = :id", TestPlan.class).setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            throw new NoSuchItemException("plan", id);
        }
        return found.get(0);
    }

    @Requires(Permission.PLAN_ADD)
    public TestPlan add(Input input) {
        Product product = products.find("productId", input.productId());
        TestPlan plan = new TestPlan(product, caller.require().accountId());
        write(plan, input);
        em.persist(plan);
        em.flush();
        return plan;
    }

    @Requires(Permission.PLAN_CHANGE)
    public TestPlan change(long id, Input input) {
        TestPlan plan = get(id);
        write(plan, input);
        return plan;
    }

    @Requires(Permission.PLAN_DELETE)
    public void remove(long id) {
        em.remove(get(id));
        removed.fire(new WorkspaceItemsRemoved());
    }

    /** Puts cases of the plan's product into the plan; cases already in it stay once. */
    @Requires(Permission.PLAN_CHANGE)
    public TestPlan addCases(long id, List<Long> caseIds) {
        TestPlan plan = get(id);
        for (Long caseId : caseIds) {
            TestCase testCase = em.find(TestCase.class, caseId);
            if (testCase == null) {
                throw new NoSuchItemException("case", caseId);
            }
            if (!testCase.product().id().equals(plan.product().id())) {
                throw BrokenRuleException.onField("caseIds", "plan.caseOfOtherProduct", caseId);
            }
            plan.cases().add(testCase);
        }
        return plan;
    }

    @Requires(Permission.PLAN_CHANGE)
    public void removeCase(long id, long caseId) {
        get(id).cases().removeIf(c -> c.id() == caseId);
    }

    private void write(TestPlan plan, Input input) {
        ProductVersion version = input.versionId() == null ? null : em.find(ProductVersion.class, input.versionId());
        if (input.versionId() != null && (version == null || !version.product().id().equals(plan.product().id()))) {
            throw BrokenRuleException.onField("versionId", "plan.versionOfOtherProduct", input.versionId());
        }
        plan.change(InputRules.required("name", input.name(), 200), version,
                input.active() == null ? plan.active() : input.active());
        if (input.document() != null) {
            plan.document().write(InputRules.optional("document", input.document(), 200_000),
                    caller.require().accountId());
        }
    }
}
