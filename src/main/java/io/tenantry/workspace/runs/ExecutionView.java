package io.tenantry.workspace.runs;

import java.time.OffsetDateTime;
import java.util.Map;

/** One execution of a test run (a case in that run) as the API and the pages show it; its assignee by user name. */
public record ExecutionView(long id, long runId, long caseId, String caseSummary, String assignee, String status,
        String comment, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    public static ExecutionView of(TestExecution e, Map<Long, String> names) {
        return new ExecutionView(e.id(), e.run().id(), e.testCase().id(), e.testCase().summary(),
                names.get(e.assigneeId()), e.status().name(), e.comment(), e.startedAt(), e.finishedAt());
    }
}
