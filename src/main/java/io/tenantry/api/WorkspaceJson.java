package io.tenantry.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.tenantry.workspace.Build;
import io.tenantry.workspace.CaseChange;
import io.tenantry.workspace.Comment;
import io.tenantry.workspace.TestCase;
import io.tenantry.workspace.TestExecution;
import io.tenantry.workspace.TestPlan;
import io.tenantry.workspace.TestRun;

/**
 * The workspace as the API shows it. People appear by user name; {@code names} maps the account
 * ids of one answer to their names (looked up once per answer).
 */
final class WorkspaceJson {

    private WorkspaceJson() {
    }

    public record BuildJson(long id, long productId, String name, boolean active) {
        static BuildJson of(Build build) {
            return new BuildJson(build.id(), build.product().id(), build.name(), build.active());
        }

        public record Input(String name, Boolean active) {
        }
    }

    /** A plan in lists: no document. */
    public record PlanJson(long id, long productId, Long versionId, String name, boolean active, String author,
            OffsetDateTime createdAt) {
        static PlanJson of(TestPlan plan, Map<Long, String> names) {
            return new PlanJson(plan.id(), plan.product().id(), plan.version() == null ? null : plan.version().id(),
                    plan.name(), plan.active(), names.get(plan.authorId()), plan.createdAt());
        }
    }

    /** A plan on its own: with its document and its cases' ids. */
    public record PlanDetailJson(long id, long productId, Long versionId, String name, boolean active, String author,
            OffsetDateTime createdAt, String document, OffsetDateTime documentUpdatedAt, List<Long> caseIds) {
        static PlanDetailJson of(TestPlan plan, Map<Long, String> names) {
            return new PlanDetailJson(plan.id(), plan.product().id(),
                    plan.version() == null ? null : plan.version().id(), plan.name(), plan.active(),
                    names.get(plan.authorId()), plan.createdAt(), plan.document().text(), plan.document().updatedAt(),
                    plan.cases().stream().map(TestCase::id).sorted().toList());
        }
    }

    public record CaseIds(List<Long> caseIds) {
    }

    public record CaseJson(long id, long productId, String summary, String preconditions, String steps,
            String expectedResults, int priority, String status, String category, boolean automated, String author,
            String defaultTester, List<String> tags, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            int rowVersion) {
        static CaseJson of(TestCase c, Map<Long, String> names) {
            return new CaseJson(c.id(), c.product().id(), c.summary(), c.preconditions(), c.steps(),
                    c.expectedResults(), c.priority(), c.status().name(), c.category(), c.automated(),
                    names.get(c.authorId()), names.get(c.defaultTesterId()), List.copyOf(c.tags()), c.createdAt(),
                    c.updatedAt(), c.rowVersion());
        }
    }

    public record ChangeJson(String field, String oldValue, String newValue, String by, OffsetDateTime at) {
        static ChangeJson of(CaseChange change, Map<Long, String> names) {
            return new ChangeJson(change.field(), change.oldValue(), change.newValue(),
                    names.get(change.accountId()), change.changedAt());
        }
    }

    public record RunJson(long id, long planId, Long buildId, String summary, String manager, String defaultTester,
            LocalDate plannedStart, LocalDate plannedFinish, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            OffsetDateTime createdAt) {
        static RunJson of(TestRun run, Map<Long, String> names) {
            return new RunJson(run.id(), run.plan().id(), run.build() == null ? null : run.build().id(), run.summary(),
                    names.get(run.managerId()), names.get(run.defaultTesterId()), run.plannedStart(),
                    run.plannedFinish(), run.startedAt(), run.finishedAt(), run.createdAt());
        }
    }

    public record ExecutionJson(long id, long runId, long caseId, String caseSummary, String assignee, String status,
            String comment, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        static ExecutionJson of(TestExecution e, Map<Long, String> names) {
            return new ExecutionJson(e.id(), e.run().id(), e.testCase().id(), e.testCase().summary(),
                    names.get(e.assigneeId()), e.status().name(), e.comment(), e.startedAt(), e.finishedAt());
        }
    }

    /** A run on its own: with its executions. */
    public record RunDetailJson(RunJson run, List<ExecutionJson> executions) {
    }

    public record CommentJson(long id, String author, String text, OffsetDateTime createdAt) {
        static CommentJson of(Comment comment, Map<Long, String> names) {
            return new CommentJson(comment.id(), names.get(comment.authorId()), comment.text(), comment.createdAt());
        }

        public record Input(String text) {
        }
    }
}
