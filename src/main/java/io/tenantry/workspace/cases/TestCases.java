package io.tenantry.workspace.cases;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import io.tenantry.workspace.People;
import io.tenantry.workspace.WorkspaceItemsRemoved;
import io.tenantry.workspace.products.Product;
import io.tenantry.workspace.products.ProductCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The current tenant's test cases, with the history of every change. */
@ApplicationScoped
@Transactional
@TenantData
public class TestCases {

    /**
     * A case as given by a form or the API; absent texts are empty, absent priority is 3, absent
     * status PROPOSED. {@code rowVersion}, when given on a change, must be the one last read.
     */
    @Schema(name = "CaseInput")
    public record Input(Long productId, String summary, String preconditions, String steps, String expectedResults,
            Integer priority, String status, String category, Boolean automated, String defaultTester,
            List<String> tags, Integer rowVersion) {
    }

    static final int MAX_TAGS = 20;

    private static final Listing<TestCase> LISTING = new Listing<>(TestCase.class, "c", "id")
            .sort("id", "id").sort("summary", "summary").sort("priority", "priority").sort("status", "status")
            .sort("category", "category").sort("updatedAt", "updatedAt")
            .filter("product", "c.product.id = :value", Long::valueOf)
            .filter("plan", "EXISTS (SELECT p FROM TestPlan p JOIN p.cases pc WHERE p.id = :value AND pc = c)",
                    Long::valueOf)
            .filter("status", "c.status = :value", text -> InputRules.oneOf("status", text, CaseStatus.class, null))
            .filter("priority", "c.priority = :value", Integer::valueOf)
            .filter("category", "c.category = :value", text -> text)
            .filter("tag", ":value MEMBER OF c.tags", text -> text)
            .filter("automated", "c.automated = :value", Boolean::valueOf)
            .containing("summary", "summary").readWith("product", "tags");

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    Event<WorkspaceItemsRemoved> removed;

    @Inject
    CurrentCaller caller;

    @Inject
    People people;

    @Inject
    ProductCatalog products;

    @Requires(Permission.CASE_VIEW)
    public ResultPage<TestCase> list(ListQuery query) {
        return LISTING.run(em, query);
    }

    @Requires(Permission.CASE_VIEW)
    public TestCase get(long id) {
        TestCase found = em.find(TestCase.class, id);
        if (found == null) {
            throw new NoSuchItemException("case", id);
        }
        return found;
    }

    @Requires(Permission.CASE_ADD)
    public TestCase add(Input input) {
        TestCase testCase = new TestCase(products.find("productId", input.productId()), caller.require().accountId(),
                draft(input));
        em.persist(testCase);
        em.flush();
        return testCase;
    }

    /** Applies the input and records who changed which field; refused if someone saved in between. */
    @Requires(Permission.CASE_CHANGE)
    public TestCase change(long id, Input input) {
        TestCase testCase = get(id);
        if (input.rowVersion() != null && input.rowVersion() != testCase.rowVersion()) {
            throw new OptimisticLockException(testCase);
        }
        if (input.productId() != null && !input.productId().equals(testCase.product().id())) {
            throw BrokenRuleException.onField("productId", "case.productFixed");
        }
        Long changer = caller.require().accountId();
        for (TestCase.FieldChange change : testCase.change(draft(input))) {
            em.persist(new CaseChange(testCase, changer, change));
        }
        em.flush();
        return testCase;
    }

    @Requires(Permission.CASE_DELETE)
    public void remove(long id) {
        em.remove(get(id));
        removed.fire(new WorkspaceItemsRemoved());
    }

    /**
     * One window of the case's history, oldest first ({@code window.descending()}: newest first),
     * and how many changes it has: never all of them, as a case can have tens of thousands.
     */
    @Requires(Permission.CASE_VIEW)
    public ResultPage<CaseChange> history(long id, ListQuery window) {
        TestCase testCase = get(id);
        String order = window.descending() ? " DESC" : "";
        List<CaseChange> found = em.createQuery("SELECT h FROM CaseChange h WHERE h.testCase = :case ORDER BY h.changedAt"
                        + order + ", h.id" + order, CaseChange.class).setParameter("case", testCase)
                .setFirstResult(window.offset()).setMaxResults(window.limit()).getResultList();
        return ResultPage.of(found, window.offset(), window.limit(), () -> em.createQuery(
                "SELECT COUNT(h) FROM CaseChange h WHERE h.testCase = :case", Long.class)
                .setParameter("case", testCase).getSingleResult());
    }

    /** Finds a case of the product by its summary, or makes a confirmed, automated one (for imports). */
    public TestCase findOrCreate(Product product, String summary) {
        List<TestCase> found = em.createQuery("SELECT c FROM TestCase c WHERE c.product = :product "
                        + "AND c.summary = :summary ORDER BY c.id", TestCase.class)
                .setParameter("product", product).setParameter("summary", summary).setMaxResults(1).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        TestCase created = new TestCase(product, caller.require().accountId(), new CaseDraft(summary, "", "", "", 3,
                CaseStatus.CONFIRMED, "", true, null, Set.of()));
        em.persist(created);
        return created;
    }

    private CaseDraft draft(Input input) {
        return new CaseDraft(InputRules.required("summary", input.summary(), 500),
                InputRules.optional("preconditions", input.preconditions(), 20_000),
                InputRules.optional("steps", input.steps(), 20_000),
                InputRules.optional("expectedResults", input.expectedResults(), 20_000),
                InputRules.between("priority", input.priority(), 1, 5, 3),
                InputRules.oneOf("status", input.status(), CaseStatus.class, CaseStatus.PROPOSED),
                InputRules.optional("category", input.category(), 100),
                Boolean.TRUE.equals(input.automated()),
                people.idOf("defaultTester", input.defaultTester()),
                tags(input.tags()));
    }

    private static Set<String> tags(List<String> given) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : given == null ? List.<String>of() : given) {
            tags.add(InputRules.required("tags", tag, 50));
        }
        if (tags.size() > MAX_TAGS) {
            throw BrokenRuleException.onField("tags", "case.tooManyTags", MAX_TAGS);
        }
        return tags;
    }
}
