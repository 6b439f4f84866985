package io.tenantry.workspace.runs;

import java.io.InputStream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.access.TenantAccess;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.cases.TestCase;
import io.tenantry.workspace.cases.TestCases;
import io.tenantry.workspace.plans.TestPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Feeds a run from an automated test report: each reported case is matched by summary among the
 * product's cases (or made, and put in the plan), added to the run, and its execution set from the
 * result. All or nothing: a report that cannot be read changes nothing.
 */
@ApplicationScoped
@Transactional
@TenantData
public class JUnitImport {

    /** What an import did. */
    @Schema(name = "JUnitOutcome")
    public record Outcome(int cases, int passed, int failed, int waived, int casesCreated) {
    }

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantAccess access;

    @Inject
    TestRuns runs;

    @Inject
    TestCases cases;

    /**
     * Refuses, before any of a report is received, a caller who may not change runs, an unknown run
     * (404) or a finished one (409).
     */
    @Requires(Permission.RUN_CHANGE)
    public void requireMayImport(long runId) {
        runs.open(runId);
    }

    @Requires(Permission.RUN_CHANGE)
    public Outcome into(long runId, InputStream report) {
        var results = JUnitReport.read(report);
        TestRun run = runs.open(runId);
        TestPlan plan = run.plan();
        int passed = 0;
        int failed = 0;
        int waived = 0;
        int created = 0;
        for (JUnitReport.Result result : results) {
            TestCase testCase = cases.findOrCreate(plan.product(), result.name());
            if (testCase.id() == null) {
                access.require(Permission.CASE_ADD);
                created++;
                em.flush();
            }
            if (plan.cases().add(testCase)) {
                access.require(Permission.PLAN_CHANGE);
            }
            TestExecution execution = run.executions().stream().filter(e -> e.testCase() == testCase).findFirst()
                    .orElseGet(() -> runs.addExecution(run, testCase));
            runs.record(execution, result.status(), result.message());
            switch (result.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                default -> waived++;
            }
        }
        em.flush();
        return new Outcome(results.size(), passed, failed, waived, created);
    }
}
