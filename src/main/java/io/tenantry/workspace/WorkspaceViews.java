package io.tenantry.workspace;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.Views.BuildView;
import io.tenantry.workspace.Views.CaseView;
import io.tenantry.workspace.Views.ChangeView;
import io.tenantry.workspace.Views.CommentView;
import io.tenantry.workspace.Views.ExecutionView;
import io.tenantry.workspace.Views.PlanDetail;
import io.tenantry.workspace.Views.PlanView;
import io.tenantry.workspace.Views.RunDetail;
import io.tenantry.workspace.Views.RunView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads the workspace as {@link Views} for the API and the pages, each inside the tenant's
 * transaction (joining the caller's when there is one). The permission checks are the services'.
 */
@ApplicationScoped
@Transactional
@TenantData
public class WorkspaceViews {

    @Inject
    ProductCatalog products;

    @Inject
    TestPlans plans;

    @Inject
    TestCases cases;

    @Inject
    TestRuns runs;

    @Inject
    Comments comments;

    @Inject
    People people;

    public List<BuildView> builds(long productId) {
        return products.builds(productId).stream().map(BuildView::of).toList();
    }

    public ResultPage<PlanView> plans(ListQuery query) {
        ResultPage<TestPlan> page = plans.list(query);
        Map<Long, String> names = people.namesOf(page.items().stream().map(TestPlan::authorId).toList());
        return page.map(plan -> PlanView.of(plan, names));
    }

    public PlanDetail plan(long id) {
        TestPlan plan = plans.get(id);
        return PlanDetail.of(plan, people.namesOf(Collections.singletonList(plan.authorId())));
    }

    public ResultPage<CaseView> cases(ListQuery query) {
        ResultPage<TestCase> page = cases.list(query);
        Map<Long, String> names = people.namesOf(page.items().stream()
                .flatMap(c -> Stream.of(c.authorId(), c.defaultTesterId())).toList());
        return page.map(c -> CaseView.of(c, names));
    }

    public CaseView testCase(long id) {
        TestCase c = cases.get(id);
        return CaseView.of(c, people.namesOf(Stream.of(c.authorId(), c.defaultTesterId()).toList()));
    }

    public List<ChangeView> history(long caseId) {
        List<CaseChange> changes = cases.history(caseId);
        Map<Long, String> names = people.namesOf(changes.stream().map(CaseChange::accountId).toList());
        return changes.stream().map(change -> ChangeView.of(change, names)).toList();
    }

    public ResultPage<RunView> runs(ListQuery query) {
        ResultPage<TestRun> page = runs.list(query);
        Map<Long, String> names = people.namesOf(page.items().stream()
                .flatMap(r -> Stream.of(r.managerId(), r.defaultTesterId())).toList());
        return page.map(run -> RunView.of(run, names));
    }

    public RunDetail run(long id) {
        TestRun run = runs.get(id);
        Map<Long, String> names = people.namesOf(Stream.concat(Stream.of(run.managerId(), run.defaultTesterId()),
                run.executions().stream().map(TestExecution::assigneeId)).toList());
        // In the order of the cases, whatever order the executions were stored in.
        return new RunDetail(RunView.of(run, names), run.executions().stream()
                .map(e -> ExecutionView.of(e, names)).sorted(Comparator.comparingLong(ExecutionView::caseId)).toList());
    }

    public ExecutionView execution(long runId, long executionId) {
        TestExecution execution = runs.execution(runId, executionId);
        return ExecutionView.of(execution, people.namesOf(Collections.singletonList(execution.assigneeId())));
    }

    public List<CommentView> comments(Comment.Subject subject, long subjectId) {
        List<Comment> found = comments.of(subject, subjectId);
        Map<Long, String> names = people.namesOf(found.stream().map(Comment::authorId).toList());
        return found.stream().map(comment -> CommentView.of(comment, names)).toList();
    }

    public CommentView comment(Comment.Subject subject, long subjectId, String text) {
        Comment added = comments.add(subject, subjectId, text);
        return CommentView.of(added, people.namesOf(Collections.singletonList(added.authorId())));
    }
}
