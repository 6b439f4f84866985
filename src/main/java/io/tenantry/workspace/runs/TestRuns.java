package io.tenantry.workspace.runs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.persistence.config.QueryHints;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.ListQuery;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.platform.Reason;
import io.tenantry.platform.ResultPage;
import io.tenantry.platform.StoredTime;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.InputRules;
import io.tenantry.workspace.Listing;
import io.tenantry.workspace.People;
import io.tenantry.workspace.WorkspaceItemsRemoved;
import io.tenantry.workspace.cases.CaseStatus;
import io.tenantry.workspace.cases.TestCase;
import io.tenantry.workspace.plans.TestPlan;
import io.tenantry.workspace.plans.TestPlans;
import io.tenantry.workspace.products.Build;
import io.tenantry.workspace.products.ProductCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.persistence.config.QueryHints;

/** The current tenant's test runs and their executions. */
@ApplicationScoped
@Transactional
@TenantData
public class TestRuns {

    /** A run as given by a form or the API; dates are ISO (2026-12-01). */
    @Schema(name = "RunInput")
    public record Input(Long planId, Long buildId, String summary, String manager, String defaultTester,
            LocalDate plannedStart, LocalDate plannedFinish) {
    }

    /** A change to one execution: any absent part stays as it is. */
    public record ExecutionInput(String status, String comment, String assignee) {
    }

    private static final Listing<TestRun> LISTING = new Listing<>(TestRun.class, "r", "id", true)
            .sort("id", "id").sort("summary", "summary").sort("createdAt", "createdAt")
            .sort("startedAt", "startedAt").sort("finishedAt", "finishedAt")
            .filter("plan", "r.plan.id = :value", Long::valueOf)
            .filter("product", "r.plan.product.id = :value", Long::valueOf)
            .filter("build", "r.build.id = :value", Long::valueOf)
            .filter("finished", "(r.finishedAt IS NOT NULL) = :value", Boolean::valueOf)
            .containing("summary", "summary").readWith("plan", "build");

    private static final Listing<TestExecution> EXECUTIONS = new Listing<>(TestExecution.class, "e", "id")
            .sort("id", "id").sort("status", "status").sort("startedAt", "startedAt").sort("finishedAt", "finishedAt")
            .filter("run", "e.run.id = :value", Long::valueOf)
            .filter("case", "e.testCase.id = :value", Long::valueOf)
            .filter("status", "e.status = :value",
                    text -> InputRules.oneOf("status", text, ExecutionStatus.class, null))
            .filter("assignee", "e.assigneeId IN (SELECT a.id FROM Account a WHERE LOWER(a.username) = :value)",
                    text -> text.toLowerCase(Locale.ROOT))
            .readWith("run", "testCase");

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    Event<WorkspaceItemsRemoved> removed;

    @Inject
    People people;

    @Inject
    ProductCatalog products;

    @Inject
    TestPlans plans;

    @Inject
    CurrentCaller caller;

    @Requires(Permission.RUN_VIEW)
    public ResultPage<TestRun> list(ListQuery query) {
        return LISTING.run(em, query);
    }

    /**
     * The run with its executions and their cases, in one query. The nested fetch is a hint because
     * EclipseLink ignores a JPQL JOIN FETCH through the alias of a fetched collection and would read
     * each case on its own. The executions come in no particular order; views sort them by case.
     */
    @Requires(Permission.RUN_VIEW)
    public TestRun get(long id) {
        List<TestRun> found = em.createQuery("SELECT r FROM TestRun r JOIN FETCH r.plan WHERE r.id = :id",
                        TestRun.class)
                .setParameter("id", id).setHint(QueryHints.LEFT_FETCH, "r.executions.testCase").getResultList();
        if (found.isEmpty()) {
            throw new NoSuchItemException("run", id);
        }
        return found.get(0);
    }

    /**
     * A run of the plan: one execution per confirmed case, assigned to the case's default tester,
     * else the run's.
     */
    @Requires(Permission.RUN_ADD)
    public TestRun add(Input input) {
        if (input.planId() == null) {
            throw BrokenRuleException.onField("planId", "field.empty", Reason.of("field.planId"));
        }
        TestPlan plan = plans.get(input.planId());
        TestRun run = new TestRun(plan);
        RunDraft draft = draft(plan, input);
        // Whoever starts a run manages it unless a manager is named: a run always has someone to ask.
        run.change(draft.managerId() != null ? draft : draft.managedBy(caller.require().accountId()));
        em.persist(run);
        plan.cases().stream().filter(c -> c.status() == CaseStatus.CONFIRMED)
                .sorted(Comparator.comparing(TestCase::id)).forEach(c -> addExecution(run, c));
        em.flush();
        return run;
    }

    @Requires(Permission.RUN_CHANGE)
    public TestRun change(long id, Input input) {
        TestRun run = get(id);
        if (input.planId() != null && !input.planId().equals(run.plan().id())) {
            throw BrokenRuleException.onField("planId", "run.planFixed");
        }
        run.change(draft(run.plan(), input));
        return run;
    }

    /** Finishes the run now (its stop date); its executions are then refused changes until it is re-opened. */
    @Requires(Permission.RUN_CHANGE)
    public TestRun finish(long id) {
        TestRun run = get(id);
        run.finish(StoredTime.now());
        return run;
    }

    /** Re-opens a finished run: the stop date is cleared and its executions may change again. */
    @Requires(Permission.RUN_CHANGE)
    public TestRun reopen(long id) {
        TestRun run = get(id);
        run.reopen();
        return run;
    }

    /** The run, refused (409) if it is finished: for changes to its executions. */
    @Requires(Permission.RUN_CHANGE)
    public TestRun open(long id) {
        TestRun run = get(id);
        run.requireOpen();
        return run;
    }

    @Requires(Permission.RUN_DELETE)
    public void remove(long id) {
        em.remove(get(id));
        removed.fire(new WorkspaceItemsRemoved());
    }

    @Requires(Permission.RUN_VIEW)
    public TestExecution execution(long runId, long executionId) {
        return get(runId).executions().stream().filter(e -> e.id() == executionId).findFirst()
                .orElseThrow(() -> new NoSuchItemException("execution", executionId));
    }

    /** Executions across runs, e.g. everything assigned to someone that is still IDLE. */
    @Requires(Permission.RUN_VIEW)
    public ResultPage<TestExecution> executions(ListQuery query) {
        return EXECUTIONS.run(em, query);
    }

    /** Takes a case out of the run, unless the run is finished (409). */
    @Requires(Permission.RUN_CHANGE)
    public void removeExecution(long runId, long executionId) {
        TestExecution execution = execution(runId, executionId);
        TestRun run = execution.run();
        run.requireOpen();
        run.executions().remove(execution);
        em.remove(execution);
        removed.fire(new WorkspaceItemsRemoved());
    }

    /**
     * Sets an execution's status, comment or assignee; the run starts with the first that moves.
     * Refused (409) while the run is finished.
     */
    @Requires(Permission.RUN_CHANGE)
    public TestExecution record(long runId, long executionId, ExecutionInput input) {
        TestExecution execution = execution(runId, executionId);
        execution.run().requireOpen();
        if (input.assignee() != null) {
            execution.assign(people.idOf("assignee", input.assignee()));
        }
        ExecutionStatus status = InputRules.oneOf("status", input.status(), ExecutionStatus.class, execution.status());
        String comment = input.comment() == null ? null : InputRules.optional("comment", input.comment(), 10_000);
        record(execution, status, comment);
        return execution;
    }

    /** Adds the case to the run unless it is there already; its execution starts IDLE. Refused (409) while the run is finished. */
    @Requires(Permission.RUN_CHANGE)
    public TestExecution addCase(long runId, long caseId) {
        TestRun run = open(runId);
        TestCase testCase = em.find(TestCase.class, caseId);
        if (testCase == null || !testCase.product().id().equals(run.plan().product().id())) {
            throw new NoSuchItemException("case", caseId);
        }
        TestExecution execution = run.executions().stream().filter(e -> e.testCase().id() == caseId).findFirst()
                .orElseGet(() -> addExecution(run, testCase));
        // The new execution's id, which the caller answers with, is given by the database on insert.
        em.flush();
        return execution;
    }

    /** How many executions of each run of the product ended in each status, oldest run first. */
    @Requires(Permission.RUN_VIEW)
    public List<RunTally> tallies(long productId) {
        List<Object[]> rows = em.createQuery("SELECT r.id, r.summary, r.createdAt, e.status, COUNT(e) "
                        + "FROM TestExecution e JOIN e.run r WHERE r.plan.product.id = :product "
                        + "GROUP BY r.id, r.summary, r.createdAt, e.status ORDER BY r.createdAt, r.id", Object[].class)
                .setParameter("product", productId).getResultList();
        Map<Long, RunTally> tallies = new LinkedHashMap<>();
        for (Object[] row : rows) {
            tallies.computeIfAbsent((Long) row[0], id -> new RunTally(id, (String) row[1], (OffsetDateTime) row[2],
                    new EnumMap<>(ExecutionStatus.class))).counts().put((ExecutionStatus) row[3], (Long) row[4]);
        }
        return List.copyOf(tallies.values());
    }

    void record(TestExecution execution, ExecutionStatus status, String comment) {
        OffsetDateTime now = StoredTime.now();
        execution.record(status, comment, now);
        if (status != ExecutionStatus.IDLE) {
            execution.run().started(now);
        }
    }

    TestExecution addExecution(TestRun run, TestCase testCase) {
        Long assignee = testCase.defaultTesterId() != null ? testCase.defaultTesterId() : run.defaultTesterId();
        TestExecution execution = new TestExecution(run, testCase, assignee);
        em.persist(execution);
        run.executions().add(execution);
        return execution;
    }

    private RunDraft draft(TestPlan plan, Input input) {
        Build build = input.buildId() == null ? null : products.build(input.buildId());
        if (build != null && !build.product().id().equals(plan.product().id())) {
            throw BrokenRuleException.onField("buildId", "run.buildOfOtherProduct", input.buildId());
        }
        if (input.plannedStart() != null && input.plannedFinish() != null
                && input.plannedFinish().isBefore(input.plannedStart())) {
            throw BrokenRuleException.onField("plannedFinish", "run.finishBeforeStart");
        }
        return new RunDraft(InputRules.required("summary", input.summary(), 500), build,
                people.idOf("manager", input.manager()), people.idOf("defaultTester", input.defaultTester()),
                input.plannedStart(), input.plannedFinish());
    }
}
