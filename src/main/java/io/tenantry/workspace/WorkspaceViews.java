package io.tenantry.workspace;

import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tenantry.accounts.Accounts;
import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.Views.AttachmentView;
import io.tenantry.workspace.Views.BuildView;
import io.tenantry.workspace.Views.CaseView;
import io.tenantry.workspace.Views.ChangeView;
import io.tenantry.workspace.Views.CommentView;
import io.tenantry.workspace.Views.ExecutionView;
import io.tenantry.workspace.Views.PlanDetail;
import io.tenantry.workspace.Views.PlanView;
import io.tenantry.workspace.Views.ProductView;
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
    Attachments attachments;

    @Inject
    Accounts accounts;

    public ResultPage<ProductView> products(ListQuery query) {
        return products.list(query).map(ProductView::of);
    }

    public List<BuildView> builds(long productId) {
        return products.builds(productId).stream().map(BuildView::of).toList();
    }

    public ResultPage<PlanView> plans(ListQuery query) {
        ResultPage<TestPlan> page = plans.list(query);
        Map<Long, String> names = namesIn(page.items(), plan -> Stream.of(plan.authorId()));
        return page.map(plan -> PlanView.of(plan, names));
    }

    public PlanDetail plan(long id) {
        TestPlan plan = plans.get(id);
        return PlanDetail.of(plan, namesIn(List.of(plan), p -> Stream.of(p.authorId())));
    }

    public ResultPage<CaseView> cases(ListQuery query) {
        ResultPage<TestCase> page = cases.list(query);
        Map<Long, String> names = namesIn(page.items(), WorkspaceViews::peopleOf);
        return page.map(c -> CaseView.of(c, names));
    }

    public CaseView testCase(long id) {
        TestCase c = cases.get(id);
        return CaseView.of(c, namesIn(List.of(c), WorkspaceViews::peopleOf));
    }

    /** A window of the case's history (see {@link TestCases#history}). */
    public ResultPage<ChangeView> history(long caseId, ListQuery window) {
        ResultPage<CaseChange> page = cases.history(caseId, window);
        Map<Long, String> names = namesIn(page.items(), change -> Stream.of(change.accountId()));
        return page.map(change -> ChangeView.of(change, names));
    }

    public ResultPage<RunView> runs(ListQuery query) {
        ResultPage<TestRun> page = runs.list(query);
        Map<Long, String> names = namesIn(page.items(), run -> Stream.of(run.managerId(), run.defaultTesterId()));
        return page.map(run -> RunView.of(run, names));
    }

    public RunDetail run(long id) {
        TestRun run = runs.get(id);
        Map<Long, String> names = namesIn(List.of(run), r -> Stream.concat(Stream.of(r.managerId(),
                r.defaultTesterId()), r.executions().stream().map(TestExecution::assigneeId)));
        // In the order of the cases, whatever order the executions were stored in.
        return new RunDetail(RunView.of(run, names), run.executions().stream()
                .map(e -> ExecutionView.of(e, names)).sorted(Comparator.comparingLong(ExecutionView::caseId)).toList());
    }

    public ExecutionView execution(long runId, long executionId) {
        return one(runs.execution(runId, executionId), e -> Stream.of(e.assigneeId()), ExecutionView::of);
    }

    /** A window of the subject's comments (see {@link Comments#of}). */
    public ResultPage<CommentView> comments(Subject subject, long subjectId, ListQuery window) {
        ResultPage<Comment> page = comments.of(subject, subjectId, window);
        Map<Long, String> names = namesIn(page.items(), c -> Stream.of(c.authorId()));
        return page.map(c -> CommentView.of(c, names));
    }

    public CommentView comment(Subject subject, long subjectId, String text) {
        return one(comments.add(subject, subjectId, text), c -> Stream.of(c.authorId()), CommentView::of);
    }

    public CommentView changeComment(long id, String text) {
        return one(comments.change(id, text), c -> Stream.of(c.authorId()), CommentView::of);
    }

    public ResultPage<ExecutionView> executions(ListQuery query) {
        ResultPage<TestExecution> page = runs.executions(query);
        Map<Long, String> names = namesIn(page.items(), e -> Stream.of(e.assigneeId()));
        return page.map(e -> ExecutionView.of(e, names));
    }

    /** A window of the subject's attachments (see {@link Attachments#of}). */
    public ResultPage<AttachmentView> attachments(Subject subject, long subjectId, ListQuery window) {
        ResultPage<Attachment> page = attachments.of(subject, subjectId, window);
        Map<Long, String> names = namesIn(page.items(), a -> Stream.of(a.uploadedBy()));
        return page.map(a -> AttachmentView.of(a, names));
    }

    /** See {@link Attachments#requireMayAttach}. */
    public void requireMayAttach(Subject subject, long subjectId) {
        attachments.requireMayAttach(subject, subjectId);
    }

    public AttachmentView attach(Subject subject, long subjectId, String fileName, String contentType,
            InputStream content) {
        return one(attachments.add(subject, subjectId, fileName, contentType, content), a -> Stream.of(a.uploadedBy()),
                AttachmentView::of);
    }

    private static Stream<Long> peopleOf(TestCase c) {
        return Stream.of(c.authorId(), c.defaultTesterId());
    }

    /** The names of everyone the items name, looked up once. */
    private <E> Map<Long, String> namesIn(List<E> items, Function<E, Stream<Long>> people) {
        // A HashMap: views look up authors that may be null, which Map.of() refuses.
        return new HashMap<>(accounts.usernames(items.stream().flatMap(people).filter(Objects::nonNull)
                .collect(Collectors.toSet())));
    }

    private <E, V> List<V> listed(List<E> items, Function<E, Stream<Long>> people,
            BiFunction<E, Map<Long, String>, V> view) {
        Map<Long, String> names = namesIn(items, people);
        return items.stream().map(item -> view.apply(item, names)).toList();
    }

    private <E, V> V one(E item, Function<E, Stream<Long>> people, BiFunction<E, Map<Long, String>, V> view) {
        return listed(List.of(item), people, view).get(0);
    }
}
