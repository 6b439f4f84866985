package io.tenantry.workspace.runs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A test run as the API and the pages show it: {@code startedAt} when its first execution moved,
 * {@code finishedAt} when someone finished it (absent while open), {@code manager} whoever started
 * it unless another member was named; people by user name.
 */
public record RunView(long id, long planId, String planName, Long buildId, String summary, String manager,
        String defaultTester, LocalDate plannedStart, LocalDate plannedFinish, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, OffsetDateTime createdAt) {
    public static RunView of(TestRun run, Map<Long, String> names) {
        return new RunView(run.id(), run.plan().id(), run.plan().name(), run.build() == null ? null
                : run.build().id(), run.summary(), names.get(run.managerId()), names.get(run.defaultTesterId()),
                run.plannedStart(), run.plannedFinish(), run.startedAt(), run.finishedAt(), run.createdAt());
    }

    /** Whether someone finished the run (and no one has re-opened it since). */
    public boolean finished() {
        return finishedAt != null;
    }
}
