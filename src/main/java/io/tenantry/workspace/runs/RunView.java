package io.tenantry.workspace.runs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** A test run as the API and the pages show it; its manager and default tester by user name. */
public record RunView(long id, long planId, Long buildId, String summary, String manager, String defaultTester,
        LocalDate plannedStart, LocalDate plannedFinish, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        OffsetDateTime createdAt) {
    public static RunView of(TestRun run, Map<Long, String> names) {
        return new RunView(run.id(), run.plan().id(), run.build() == null ? null : run.build().id(), run.summary(),
                names.get(run.managerId()), names.get(run.defaultTesterId()), run.plannedStart(),
                run.plannedFinish(), run.startedAt(), run.finishedAt(), run.createdAt());
    }
}
