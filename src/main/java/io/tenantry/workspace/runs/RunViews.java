package io.tenantry.workspace.runs;

import java.util.Comparator;
import java.util.List;
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
 * Reads test runs and their executions as views for the API and the pages, inside the tenant's
 * transaction (joining the caller's when there is one). The permission checks are {@link TestRuns}'.
 */
@ApplicationScoped
@Transactional
@TenantData
public class RunViews {

    @Inject
    TestRuns runs;

    @Inject
    People people;

    /** One page of runs, without their executions. */
    public ResultPage<RunView> runs(ListQuery query) {
        ResultPage<TestRun> page = runs.list(query);
        Map<Long, String> names = people.namesIn(page.items(), run -> Stream.of(run.managerId(), run.defaultTesterId()));
        return page.map(run -> RunView.of(run, names));
    }

    /** One run with its executions in the order of their cases; 404 when there is no such run here. */
    public RunDetail run(long id) {
        TestRun run = runs.get(id);
        Map<Long, String> names = people.namesIn(List.of(run), r -> Stream.concat(Stream.of(r.managerId(),
                r.defaultTesterId()), r.executions().stream().map(TestExecution::assigneeId)));
        // In the order of the cases, whatever order the executions were stored in.
        return new RunDetail(RunView.of(run, names), run.executions().stream()
                .map(e -> ExecutionView.of(e, names)).sorted(Comparator.comparingLong(ExecutionView::caseId)).toList());
    }

    /** One execution of a run; 404 when the run has no such execution. */
    public ExecutionView execution(long runId, long executionId) {
        return people.one(runs.execution(runId, executionId), e -> Stream.of(e.assigneeId()), ExecutionView::of);
    }

    /** One page of executions across runs, as the query asks. */
    public ResultPage<ExecutionView> executions(ListQuery query) {
        ResultPage<TestExecution> page = runs.executions(query);
        Map<Long, String> names = people.namesIn(page.items(), e -> Stream.of(e.assigneeId()));
        return page.map(e -> ExecutionView.of(e, names));
    }
}
