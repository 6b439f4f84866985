package io.tenantry.workspace;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The workspace as the API and the pages show it: plain records, made inside the transaction by
 * {@link WorkspaceViews}, so nothing is loaded lazily later. People appear by user name;
 * {@code names} maps the account ids of one answer to their names (looked up once per answer).
 */
public final class Views {

    private Views() {
    }

    public record ProductView(long id, String name, String description, List<String> versions) {
        public static ProductView of(Product product) {
            return new ProductView(product.id(), product.name(), product.description(),
                    product.versions().stream().map(ProductVersion::value).toList());
        }
    }

    public record BuildView(long id, long productId, String name, boolean active) {
        public static BuildView of(Build build) {
            return new BuildView(build.id(), build.product().id(), build.name(), build.active());
        }

        @Schema(name = "BuildInput")
        public record Input(String name, Boolean active) {
        }
    }

    /** A plan in lists: no document. */
    public record PlanView(long id, long productId, Long versionId, String name, boolean active, String author,
            OffsetDateTime createdAt) {
        public static PlanView of(TestPlan plan, Map<Long, String> names) {
            return new PlanView(plan.id(), plan.product().id(), plan.version() == null ? null : plan.version().id(),
                    plan.name(), plan.active(), names.get(plan.authorId()), plan.createdAt());
        }
    }

    /** A plan on its own: with its document and its cases' ids. */
    public record PlanDetail(long id, long productId, Long versionId, String name, boolean active, String author,
            OffsetDateTime createdAt, String document, OffsetDateTime documentUpdatedAt, List<Long> caseIds) {
        public static PlanDetail of(TestPlan plan, Map<Long, String> names) {
            return new PlanDetail(plan.id(), plan.product().id(),
                    plan.version() == null ? null : plan.version().id(), plan.name(), plan.active(),
                    names.get(plan.authorId()), plan.createdAt(), plan.document().text(), plan.document().updatedAt(),
                    plan.cases().stream().map(TestCase::id).sorted().toList());
        }
    }

    public record CaseIds(List<Long> caseIds) {
    }

    public record CaseView(long id, long productId, String summary, String preconditions, String steps,
            String expectedResults, int priority, String status, String category, boolean automated, String author,
            String defaultTester, List<String> tags, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            int rowVersion) {
        public static CaseView of(TestCase c, Map<Long, String> names) {
            return new CaseView(c.id(), c.product().id(), c.summary(), c.preconditions(), c.steps(),
                    c.expectedResults(), c.priority(), c.status().name(), c.category(), c.automated(),
                    names.get(c.authorId()), names.get(c.defaultTesterId()), List.copyOf(c.tags()), c.createdAt(),
                    c.updatedAt(), c.rowVersion());
        }
    }

    public record ChangeView(String field, String oldValue, String newValue, String by, OffsetDateTime at) {
        public static ChangeView of(CaseChange change, Map<Long, String> names) {
            return new ChangeView(change.field(), change.oldValue(), change.newValue(),
                    names.get(change.accountId()), change.changedAt());
        }
    }

    public record RunView(long id, long planId, Long buildId, String summary, String manager, String defaultTester,
            LocalDate plannedStart, LocalDate plannedFinish, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            OffsetDateTime createdAt) {
        public static RunView of(TestRun run, Map<Long, String> names) {
            return new RunView(run.id(), run.plan().id(), run.build() == null ? null : run.build().id(), run.summary(),
                    names.get(run.managerId()), names.get(run.defaultTesterId()), run.plannedStart(),
                    run.plannedFinish(), run.startedAt(), run.finishedAt(), run.createdAt());
        }
    }

    public record ExecutionView(long id, long runId, long caseId, String caseSummary, String assignee, String status,
            String comment, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        public static ExecutionView of(TestExecution e, Map<Long, String> names) {
            return new ExecutionView(e.id(), e.run().id(), e.testCase().id(), e.testCase().summary(),
                    names.get(e.assigneeId()), e.status().name(), e.comment(), e.startedAt(), e.finishedAt());
        }
    }

    /** A run on its own: with its executions. */
    public record RunDetail(RunView run, List<ExecutionView> executions) {
    }

    public record CommentView(long id, String author, String text, OffsetDateTime createdAt) {
        public static CommentView of(Comment comment, Map<Long, String> names) {
            return new CommentView(comment.id(), names.get(comment.authorId()), comment.text(), comment.createdAt());
        }

        @Schema(name = "CommentInput")
        public record Input(String text) {
        }
    }

    public record AttachmentView(long id, String fileName, String contentType, long size, String uploadedBy,
            OffsetDateTime uploadedAt) {
        public static AttachmentView of(Attachment a, Map<Long, String> names) {
            return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(), names.get(a.uploadedBy()),
                    a.uploadedAt());
        }
    }
}
